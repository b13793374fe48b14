def f():
    "only a docstring"
print(f(), f.__doc__)
def g():
    ...
print(g())
