try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    [3, None].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], key=lambda x: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(sorted([[2, 1], [1, 5], [1, 2]]), sorted([(1, "b"), (1, "a")]))
