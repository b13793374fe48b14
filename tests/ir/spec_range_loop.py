# ir: --func f --after specialize
# A loop over range(n) of the builtin: the call is guarded (range is the builtin, n an inline
# int), so every item is an inline int; `total` becomes an int64 phi, `*` and `+=` become
# overflow-checked int64 ops whose frame states hold the unboxed values. No iterator is made:
# the loop counts in an int64 phi (spec_counted_loop.py).
def f(n):
    total = 0
    for i in range(n):
        total += i * 2
    return total

print(f(10))
