try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise ValueError("bad value", 42)
except ValueError as e:
    print(repr(e), e.args, str(e))
try:
    raise TypeError("t")
except TypeError as e:
    err = e
print(type(err).__name__, err)
try:
    raise KeyError("k")
except KeyError as e:
    print(str(e), repr(e))
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
