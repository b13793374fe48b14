try:
    try:
        raise ValueError("original")
    finally:
        print("finally runs")
except ValueError as e:
    print("propagated", e)
try:
    try:
        raise ValueError("lost")
    finally:
        raise KeyError("replacement")
except KeyError as e:
    print("got", repr(e), "context:", repr(e.__context__))
