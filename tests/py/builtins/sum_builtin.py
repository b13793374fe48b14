print(sum([1, 2, 3]), sum([]), sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2]], []), sum((x for x in range(4)), start=5))
print(sum([1, 2.5, True]), sum([10**20, 1]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
