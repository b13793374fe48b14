# ir: --func f
# A branch on a constant becomes a jump; the other arm and the edge into the join go, and the
# join's phi is left with one operand (copyprop removes it).
def f(x):
    debug = False
    if debug:
        print("debug")
        y = 1
    else:
        y = 2
    while not debug:
        return x + y
    return 0
