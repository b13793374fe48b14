def a():
    x = 0
    def b():
        nonlocal x
        x += 1
        def c():
            nonlocal x
            x += 100
        c()
    b()
    b()
    return x
print(a())
