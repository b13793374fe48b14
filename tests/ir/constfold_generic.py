# ir: --func f --after constfold
# Operations on constants fold at compile time (generic ones computed by the runtime); ones that
# would raise, or whose result is big, stay for run time. A folded string must be one of the
# function's constants already (compiled code loads heap constants from there): 'abcd' is,
# 'abx' is not.
def f(s):
    a = 6
    b = a * 7            # 42
    p = "ab"
    c = p + "cd"         # 'abcd'
    cx = p + "x"         # stays
    d = 2.5 < a          # True
    e = -a               # -6
    g = not a            # False
    h = "b" in c         # True
    i = a // 4 + a % 4   # 3
    z = a / 0            # ZeroDivisionError: stays
    n = None < a         # TypeError: stays
    big = a ** 1000      # too big: stays
    t = p * 1000         # too long: stays
    return b, c, cx, d, e, g, h, i, z, n, big, t, s, "abcd"
