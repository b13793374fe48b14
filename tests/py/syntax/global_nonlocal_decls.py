g1 = g2 = 0
def f():
    global g1, g2
    g1, g2 = 1, 2
    x = y = 0
    def inner():
        nonlocal x, y
        x, y = 3, 4
    inner()
    return x, y
print(f(), g1, g2)
