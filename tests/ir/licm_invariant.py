# ir: --func f --after licm
# Pure operations whose operands come from outside the loop move to the preheader: `k is None`
# and its constant leave the inner loop, then the outer one. The outer header's preheader is a
# new block (its predecessor also branches elsewhere). Blocks get their loop depth.
def f(xs, k, flag):
    if flag:
        n = 0
    else:
        n = 1
    while n < 10:
        for x in xs:
            if k is None:
                n = n + x
        n = n + 2
    return n
