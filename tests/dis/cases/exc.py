try:
    f()
except ValueError:
    g()
except (TypeError, KeyError) as e:
    h(e)
except:
    pass
else:
    i()
finally:
    j()
def f():
    try:
        return 1
    finally:
        print("x")
def g():
    for x in y:
        try:
            continue
        finally:
            break
with open("f") as fp, open("g") as gp:
    data = fp.read()
with a:
    pass
assert x, "msg"
assert y
raise ValueError("x") from None
def h():
    with a as b:
        return b
    try:
        pass
    except E as e:
        return e
