# ir: --func f --after cse
# Equal pure operations: the later is replaced by the earlier when that dominates it. The two
# arms of the if do not dominate each other, so their equal `is` tests stay.
def f(x, y):
    a = x is y
    if x is None:
        b = x is y
    else:
        b = x is not y
    c = x is None
    return a, b, c
