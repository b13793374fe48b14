data = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(data), max(data), min(data))
print((1, (2, 3)) < (1, (2, 4)), (1, [2]) == (1, [2]))
