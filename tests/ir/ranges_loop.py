# ir: --func f --after ranges
# Range facts: i counts up from 0 (an induction variable), so `i >= 0` of a[i] goes; the loop
# test gives i < n, so i + 1 cannot overflow and becomes a wrapping add; k of the rotated while
# loop stays below n, so k += 1 loses its check too. `i < len(a)` stays (n is not the length).
def f(a, n):
    t = 0
    for i in range(n):
        a[i] = i + 1
    k = 0
    while k < n:
        k += 1
    return k
