lst = [1, 2, 3]
lst[1] += 10
d = {"k": 1}
d["k"] *= 5
print(lst, d)
counts = [0] * 3
for i in [0, 1, 1, 2, 2, 2]:
    counts[i] += 1
print(counts)
s = "a"
s *= 3
t = (1,)
t += (2,)
print(s, t)
