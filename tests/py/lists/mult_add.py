a = [1, 2]
print(a * 3, 3 * a, a * 0, a + [3], [[0] * 2] * 2)
m = [[0] * 3] * 2
m[0][0] = 1
print(m)
n = [[0] * 3 for _ in range(2)]
n[0][0] = 1
print(n)
b = a
b += [9]
print(a, b is a)
b = b + [10]
print(a, b)
b *= 2
print(b)
try:
    a + (1,)
except TypeError as e:
    print("TypeError:", e)
