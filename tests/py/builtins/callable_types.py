print(type(print).__name__, type(len).__name__, type(lambda: 0).__name__, type("".join).__name__)
def f():
    pass
print(f.__name__, (lambda: 0).__name__, len.__name__)
