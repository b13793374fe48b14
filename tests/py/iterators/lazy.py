log = []
def f(x):
    log.append(x)
    return x * 10
m = map(f, [1, 2, 3])
print(log)
print(next(m), log)
print(list(m), log)
z = zip(map(f, [7, 8]), "ab")
print(next(z), log)
