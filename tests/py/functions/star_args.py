def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), f(*[4, 5]), f(*"ab", *(1,)))
def g(a, *rest):
    return a, rest
print(g(1), g(1, 2, 3), g(*range(4)))
def h(**kw):
    return sorted(kw.items())
print(h(), h(a=1, b=2), h(**{"x": 1}, y=2))
def all_kinds(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(all_kinds(1, c=3))
print(all_kinds(1, 2, 3, 4, c=5, e=6))
print(all_kinds(*[1, 2, 3], **{"c": 0, "z": 9}))
