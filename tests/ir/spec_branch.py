# ir: --func count --after specialize
# Comparisons that feed branches become cmp_i64 (no bool object, no truth call); n is an
# argument, guarded to be an inline int where it meets an int constant.
def count(n):
    c = 0
    while n > 0:
        if n % 3 == 0:
            c += 1
        n -= 1
    return c

print(count(100))
