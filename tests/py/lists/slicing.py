a = list(range(10))
print(a[2:5], a[::-1], a[::3], a[-3:], a[:-7], a[5:2], a[8:2:-2])
b = a[:]
b[2:5] = ["x"]
print(b)
b[:0] = [-1, -2]
print(b)
b[::2] = [0] * len(b[::2])
print(b)
del b[1:3]
print(b)
del b[::2]
print(b)
c = list(range(6))
c[1:4] = []
print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
