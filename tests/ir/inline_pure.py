# ir: --func f --after inline
# A small function free of side effects, called directly, is inlined and specialized for the
# argument types of the call (an int64 loop counter here): the exits inside it resume the
# interpreter at the call, in the caller's state before it, which makes the call again.
def sq(x):
    return x * x + 1


def f(n):
    t = 0
    for i in range(n):
        t += sq(i)
    return t
