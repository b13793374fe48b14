print(sorted([3, 1, 2]), sorted("bca"), sorted({3: 0, 1: 0}), sorted({2, 1}), sorted((1,)))
print(sorted([1, 2, 3], reverse=True), sorted(["aa", "b", "ccc"], key=len, reverse=True))
a = [3, 1]
b = sorted(a)
print(a, b, a is b)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print("TypeError:", e)
