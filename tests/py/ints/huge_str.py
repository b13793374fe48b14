n = 3 ** 2000
s = str(n)
print(len(s), s[:20], s[-20:])
f = 1
for i in range(1, 301):
    f *= i
print(f)
print(len(str(-(10**999))), str(10**999)[:3])
print(int(s) == n)
