# fibonacci.py -- Fibonacci numbers with arbitrary-precision ints, by iteration and by doubling.

def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_doubling(n):
    """F(2k) = F(k) * (2 F(k+1) - F(k)),  F(2k+1) = F(k)^2 + F(k+1)^2."""
    if n == 0:
        return 0, 1
    a, b = fib_doubling(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)


for n in (10, 50, 100, 300):
    print(f"F({n}) = {fib_iter(n)}")

big = fib_doubling(10_000)[0]
digits = str(big)
print(f"F(10000) has {len(digits)} digits: {digits[:15]}...{digits[-15:]}")
print("agrees with the loop:", big == fib_iter(10_000))
print("F(10000) mod 1 000 000 007 =", big % 1_000_000_007)
ratio = fib_iter(101) / fib_iter(100)
print(f"F(101)/F(100) = {ratio!r}, the golden ratio is {(1 + 5 ** 0.5) / 2!r}")
