people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22), ("frank", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
words = "the quick brown fox jumps over the lazy dog again and again".split()
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
data = [(i % 7, i) for i in range(40)]
s = sorted(data, key=lambda t: t[0])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
big = [(i * 7919) % 1000 for i in range(2000)]
print(sorted(big)[:10], sorted(big)[-5:], sorted(big, reverse=True)[:3])
