# ir: --func f --after specialize
# A counted loop: range(n) needs no iterator. The counter is an int64 phi (start 0, then the
# next value computed at the header), the loop ends when it reaches the bound, and the body's
# frame states hold a range_iter_virtual (next value, stop, step) where the interpreter keeps
# the iterator: a failed guard in the body (the overflow check of the +) builds it there.
def f(n):
    t = 0
    for i in range(n):
        t = t + i
    return t
