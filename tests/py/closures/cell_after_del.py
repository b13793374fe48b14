def f():
    x = 1
    def g():
        return x
    del x
    try:
        g()
    except NameError as e:
        print("NameError:", e)
f()
