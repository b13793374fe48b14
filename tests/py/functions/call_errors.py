def f(a, b):
    return a + b
def g(a, b=1, *, c):
    pass
def h():
    pass
tests = [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, a=2), lambda: f(1, 2, c=3), lambda: h(1),
         lambda: g(), lambda: g(1), lambda: f(b=1), lambda: f(**{"a": 1, "b": 2, "z": 3}),
         lambda: f(*[1], **{"a": 1}), lambda: g(1, 2, 3, c=4), lambda: f(*5), lambda: f(**5)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
try:
    n = 5
    n()
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, **{"b": 2}, b=3)
except TypeError as e:
    print("TypeError:", e)
