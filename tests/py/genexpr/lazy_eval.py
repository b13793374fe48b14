log = []
def f(x):
    log.append(x)
    return x
g = (f(x) for x in range(3))
print(log)
print(next(g), log)
print(list(g), log)
def source():
    log.append("source")
    return [1, 2]
log.clear()
h = (x for x in source())
print(log)
