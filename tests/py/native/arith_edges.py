# Generic arithmetic and comparisons at their edges (2**61, 2**53+1, +-0.0, nan, inf, bools,
# subclasses): the inline fast paths of compiled code must agree with the interpreter and CPython.
def f(xs, ys):
    out = []
    for x in xs:
        for y in ys:
            r = []
            for op in range(13):
                try:
                    if op == 0: v = x + y
                    elif op == 1: v = x - y
                    elif op == 2: v = x * y
                    elif op == 3: v = x / y
                    elif op == 4: v = x // y
                    elif op == 5: v = x % y
                    elif op == 6: v = x & y
                    elif op == 7: v = x | y
                    elif op == 8: v = x ^ y
                    elif op == 9: v = x << y
                    elif op == 10: v = x >> y
                    elif op == 11: v = (x < y, x <= y, x == y, x != y, x > y, x >= y)
                    else:
                        v = 1 if x else 0
                        if y: v += 2
                except Exception as e:
                    v = type(e).__name__ + ': ' + str(e)
                r.append(v)
            out.append(r)
    return out

vals = [0, 1, -1, 2, 3, -7, 63, 64, 100, 2**61 - 1, -2**61, 2**61, 2**62, 2**64, -2**63, 2**53 + 1,
        0.0, -0.0, 1.5, -2.25, 1e300, 1e-300, 5e-324, float('inf'), float('nan'), 3.0, True, False, None]
ivals = [v for v in vals if isinstance(v, int) and not isinstance(v, bool)]
for row in f(ivals, ivals):
    print(row)
for row in f(vals, vals):
    print(row)
