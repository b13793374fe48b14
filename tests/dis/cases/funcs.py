def f(a, b=1, *args, c, d=2, **kw):
    return a + b
def g(x: int, y: "str" = "a") -> bool:
    return x
async def h():
    await g()
    async with a as b:
        pass
    async for i in x:
        print(i)
def gen():
    yield 1
    x = yield
    yield from range(3)
lam = lambda x, y=3: x * y
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    return inner
def deco(fn):
    return fn
@deco
@deco
def decorated(p, /, q, *, r):
    pass
def kw():
    f(1, 2, a=3, b=4)
    f(*args)
    f(*args, **kw)
    f(a, *b, c, d=1, **e)
    o.m(1, k=2)
    o.m(*a)
