names = ["a", "b", "c"]
scores = [90, 85]
for i, (n, s) in enumerate(zip(names, scores), start=1):
    print(i, n, s)
print(list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
