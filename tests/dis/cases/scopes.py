def outer(a, b):
    def inner():
        return a + c
    c = 1
    del b
    return inner
class K:
    v = 1
    def m(self):
        return v
    def n(self):
        return [v for _ in range(3)]
    w = [v for _ in range(3)]
    def o(self):
        return super().o(), __class__
def g():
    global G
    G = 1
    del G
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
def h():
    x = 1
    class L:
        y = x
        def f(self):
            return x
    return L
def walrus(items):
    if any((hit := i) > 3 for i in items):
        return hit
    return [y := f(x), y**2]
def comp_in_comp():
    return [[i * j for j in range(3)] for i in range(3)]
def default_cells(a=1, *, b=2):
    return lambda: a + b
def gen_closure():
    x = 5
    return (x + i for i in range(3))
lambda: (yield)
def uses_class_in_nested():
    class A:
        def f(self):
            def g():
                return __class__
            return g
    return A
