a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
h, = [9]
print(h)
i = j = k = 7
print(i, j, k)
for x, (y, z) in [(1, (2, 3)), (4, (5, 6))]:
    print(x, y, z)
