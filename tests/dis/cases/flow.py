def f(xs):
    for x in xs:
        try:
            if x:
                continue
            elif x is None:
                break
            return x
        finally:
            print("fin")
    while True:
        with open(x) as fp:
            if fp:
                break
            continue
    else:
        pass
    try:
        pass
    except* ValueError as e:
        print(e)
    except* TypeError:
        pass
    return None
def g():
    try:
        return 1
    except Exception:
        return 2
    else:
        return 3
    finally:
        return 4
def h(a):
    assert a, f"bad {a}"
    assert isinstance(a, int)
    x = a if a else (b if c else d)
    if not (a and b):
        return
    if a or (b and not c):
        pass
    while a > 0:
        a -= 1
    return not a
def deep():
    try:
        try:
            pass
        finally:
            pass
    except:
        raise
def returns_in_with():
    with a, b:
        return 1
async def agen():
    async for x in y:
        yield x
    return
async def acomp():
    return [x async for x in y], [await z for z in w]
