def f(n):
    try:
        try:
            if n == 0:
                raise ValueError("inner")
            if n == 1:
                raise KeyError("k")
            return "fine"
        except ValueError as e:
            return "inner handled " + str(e)
        finally:
            print("inner finally", n)
    except KeyError as e:
        return "outer handled " + repr(e)
    finally:
        print("outer finally", n)
for i in range(3):
    print(f(i))
