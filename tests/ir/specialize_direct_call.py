# ir: --func f --after inline
# A call of a module function by its global name: guarded (the name must still hold that
# function's code) and direct. A function with side effects (the list store) is not inlined.
def put(xs, i):
    xs[i] = i
    return i


def f(xs):
    return put(xs, 0) + put(xs, 1)
