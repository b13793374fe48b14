# ir: --func f --after specialize
# What cannot be proved or guarded cheaply stays generic: str + str, ints that may be big (2**k
# and what is computed from it), two unknown operands, int / int (exact only below 2**53).
def f(s, a, b, k):
    t = s + "x"
    big = 2 ** k
    u = big + 1
    v = a + b
    w = 7 / 2
    return t, u, v, w

print(f("a", 1, 2, 100))
