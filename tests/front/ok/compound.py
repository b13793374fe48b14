if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass
while a:
    break
else:
    pass
for a, b in c:
    continue
else:
    pass
for (a, b) in c: pass
for [a, *b] in c: pass
for a in b, c: pass
with a: pass
with a as b, c as (d, e): pass
with (a, b): pass
with (a as b, c as d,): pass
with (a): pass
with (a) as b: pass
with (yield): pass
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (E, F) as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
except* (F, G) as g:
    pass
def f(): pass
def f(a, b=1, *c, d, e=2, **f) -> int:
    return a
def f(a, /, b): pass
def f(a=1, /, b=2, *, c): pass
def f(*, a=1, b): pass
def f(a: int, *b: str, **c: float): pass
def f(*a: *Ts): pass
@dec
@dec.attr(1)
@(lambda f: f)
def g(): pass
async def h():
    async for a in b: pass
    async with a as b: pass
    await x
class A: pass
class B(A, metaclass=M, **kw): pass
class C(): pass
@dec
class D(*bases): x = 1
if a: b; c
def k(): return 1; pass
