def f(a, b=2, *, c=3):
    """Doc string here."""
    return a
print(f.__name__, f.__doc__, f.__defaults__, f.__kwdefaults__)
print(f.__qualname__, f.__module__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
