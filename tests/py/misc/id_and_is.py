a = [1]
b = [1]
print(a is b, a == b, id(a) == id(a), id(a) != id(b))
x = None
print(x is None, x is not None)
