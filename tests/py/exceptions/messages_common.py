n = None
i = 1
cases = [
    lambda: [1][5], lambda: (1,)[5], lambda: "s"[5], lambda: {}["k"], lambda: {}[1],
    lambda: 1 + "a", lambda: "a" + 1, lambda: [] + (), lambda: 1 - "a", lambda: "a" * "b",
    lambda: -"a", lambda: ~1.5, lambda: undefined_x, lambda: None.foo, lambda: (1).foo,
    lambda: "x".foo, lambda: n(), lambda: i[0], lambda: n[0], lambda: len(1),
    lambda: int("q"), lambda: float("q"), lambda: [].pop(), lambda: 1 / 0, lambda: 1 % 0,
    lambda: 1.0 / 0, lambda: 2 ** -1 // 0, lambda: {}.pop("a"), lambda: [1, 2].index(3),
    lambda: "abc".index("z"), lambda: hash([]), lambda: {[]: 1}, lambda: iter(1), lambda: next(iter([])),
    lambda: 1 < "a", lambda: [] > {}, lambda: n < n, lambda: chr(-1), lambda: int("1", 99),
    lambda: sorted([1, None]), lambda: dict(1), lambda: list(None), lambda: (1, 2) + 1,
    lambda: 10 ** 10000 * 1.0, lambda: float(10 ** 400), lambda: "{}".format(), lambda: "%d" % "x",
    lambda: [1, 2, 3][1:2:0], lambda: a_b_c.d, lambda: (lambda: 0)(1), lambda: print(**{1: 2}),
]
for c in cases:
    try:
        c()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
