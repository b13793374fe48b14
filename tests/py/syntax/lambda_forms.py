f0 = lambda: 0
f1 = lambda x: x
f2 = lambda x, y=2, *a, k=1, **kw: (x, y, a, k, kw)
f3 = lambda *, k: k
f4 = lambda x, /, y: x - y
print(f0(), f1(1), f2(1), f2(1, 3, 4, k=5, z=6), f3(k=7), f4(9, y=1))
print((lambda: (yield_ := 1))(), sorted([3, 1, 2], key=lambda v: -v))
