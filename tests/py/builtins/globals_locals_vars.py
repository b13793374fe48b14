x = 10
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
g = globals()
print(g["x"], "f" in g, "__name__" in g, g["__name__"])
g["newvar"] = 5
print(newvar)
print(vars()["x"], sorted(k for k in vars() if not k.startswith("_")))
def h():
    pass
h.attr = 1
print(vars(h))
