import os, os.path
import a.b.c as d
from x import y, z as w
from . import q
from ..m import *
x = [1, 2, *a]
y = {1: 2, **b}
z = {"a": 1, "b": 2}
s = {1, 2, 3}
t = (1, 2, 3)
u = (a, b)
a, b = b, a
a, *b, c = d
x = f"{a} and {b!r:>10} {c:{d}}"
del x, y[0], z.a
x[1:2] = y[::3]
x.y.z += 1
x[i] -= 2
print(-1, ~2, not 3, +4, 2**10, "a" * 3, 1 / 0)
q = [x * 2 for x in range(10) if x if x > 2]
r = {k: v for k, v in items}
g = (i for i in range(3))
st = {i for j in k for i in j}
a = b = c = 0
v = (n := 10) + n
print(x is None, x is not None, x in y, x not in y)
if x is None:
    pass
if x is not None:
    pass
m = "%s-%r" % (a, b)
k = a[1], b[2:3]
global_call = len(x)
