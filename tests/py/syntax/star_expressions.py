a, *b = 1, 2, 3
print(a, b)
first, *_ = "xyz"
print(first)
print(*range(3), *"ab")
t = *range(2), 5
print(t)
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1], *(2,), **{"a": 1}, **{"b": 2}))
