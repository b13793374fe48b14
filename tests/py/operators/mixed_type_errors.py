pairs = [(1, "a"), ("a", 1), ([], 1), (None, None), ({}, {}), (1.5, "x"), ((), [])]
for a, b in pairs:
    for name, fn in (("+", lambda: a + b), ("-", lambda: a - b), ("*", lambda: a * b), ("/", lambda: a / b),
                     ("<", lambda: a < b), ("&", lambda: a & b), ("**", lambda: a ** b), ("@", lambda: a @ b)):
        try:
            r = fn()
            print(name, "ok", r)
        except TypeError as e:
            print(name, "TypeError:", e)
