def f():
    pass
print(callable(f), callable(len), callable(1), callable(lambda: 0), callable(int), callable("s"), callable(print))
