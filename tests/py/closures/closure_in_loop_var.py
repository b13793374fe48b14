def make_adders():
    adders = []
    for k in range(3):
        def add(x, k=k):
            return x + k
        adders.append(add)
    return adders
print([f(10) for f in make_adders()])
def cells():
    out = []
    x = 0
    def f():
        return x
    for x in range(3):
        out.append(f())
    return out
print(cells())
