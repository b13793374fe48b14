import a
import a.b.c as d, e
from a import b
from a.b import (c, d as e,)
from . import x
from .. import y
from ...a import z
from .a.b import *
from .... import w
global a, b
nonlocal c
del a, b[0], c.d, (e, f), [g]
del (a)
assert a
assert a, "msg"
raise
raise E
raise E from F
return
return a, b
return *a, b
pass; break; continue
a = b = c = 1
a, b = c
[a, *b] = c
(a, b), c = d
a.b = c[d] = e
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a >>= 1; a <<= 1; a &= 1; a ^= 1; a |= 1; a @= 1
a.b += 1
a[b] += 1
x: int
x: int = 1
(x): int = 1
a.b: int
a[b]: int = 2
x: list[int] = yield
a = yield b
yield
yield a, b
await x
