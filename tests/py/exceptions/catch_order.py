def classify(f):
    try:
        f()
    except ZeroDivisionError:
        return "zero"
    except ArithmeticError:
        return "arith"
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except Exception:
        return "other"
    return "none"
print(classify(lambda: 1 / 0), classify(lambda: 2.0 ** 10000), classify(lambda: [][1]),
      classify(lambda: {}[1]), classify(lambda: int("x")), classify(lambda: 1))
