def run(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("except")
        return "err"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally")
print(run(2))
print(run(0))
