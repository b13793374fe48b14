try:
    1 / 0
except ZeroDivisionError:
    print("caught ZeroDivisionError")
try:
    [][0]
except (KeyError, IndexError) as e:
    print("caught", type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print("caught via base class", type(e).__name__, repr(e))
try:
    int("x")
except Exception as e:
    print("generic", e)
try:
    undefined
except NameError:
    print("bare name error")
