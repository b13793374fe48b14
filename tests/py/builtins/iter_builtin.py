it = iter({"a": 1, "b": 2})
print(next(it), next(it), next(it, "end"))
it = iter((1, 2))
print(list(it), iter(it) is it)
