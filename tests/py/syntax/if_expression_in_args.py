def f(a, b=None):
    return a, b
print(f(1 if True else 2, b=3 if False else 4), f(*([1] if True else [])))
