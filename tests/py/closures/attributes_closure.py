def outer(a):
    def inner():
        return a
    return inner
f = outer(42)
print(f(), f.__closure__[0].cell_contents, len(f.__closure__), outer.__closure__)
