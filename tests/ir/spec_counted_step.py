# ir: --func f --after specialize
# A counted loop with a step of unknown sign: a guard that it is not zero (range() would raise:
# the interpreter re-runs the call), and the end test (stop - i) * sign(step) <= 0 without a
# multiplication. The inner loop's constant negative step compares i <= stop. Exits in the inner
# body hold both iterators as virtual values.
def f(a, b, c):
    t = 0
    for i in range(a, b, c):
        for j in range(i, 0, -1):
            t = t + j
    return t
