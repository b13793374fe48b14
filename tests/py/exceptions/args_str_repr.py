for e in (ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), KeyError(), IndexError(5),
          Exception("x", "y"), StopIteration(3), SystemExit(2), OSError(2, "No such file")):
    print(type(e).__name__, repr(e), "|" + str(e) + "|", e.args)
