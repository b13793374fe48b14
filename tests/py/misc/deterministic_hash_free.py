words = ["pear", "apple", "fig"]
s = set(words)
print(sorted(s), len(s), "fig" in s)
d = {w: len(w) for w in words}
print(d)
print(sorted({1, 5, 3, 9, 2}), {3, 1, 2} == {1, 2, 3})
