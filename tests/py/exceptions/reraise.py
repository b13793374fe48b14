def f():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging")
        raise
try:
    f()
except ZeroDivisionError as e:
    print("outer caught:", e)
try:
    try:
        raise ValueError("first")
    except ValueError as e:
        raise e
except ValueError as e:
    print("again", e)
