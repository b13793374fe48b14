try:
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
except TypeError as e:
    print(e, type(e.__context__).__name__, e.__context__)
