for x in (1.0, 1.5, -0.0, 1e300, float("inf"), float("nan"), 2.0**60 + 0.5):
    print(x, x.is_integer())
