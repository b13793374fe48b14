# Big integers: factorials, powers, a Fibonacci by doubling, modular exponentiation, gcd-like
# loops, shifts and bit counts; prints residues and digit counts (not whole numbers).
# Stresses: arbitrary-precision multiply, divide, modulo, shifts, conversion to decimal.
# Usage: bigint.py [rounds]
import sys


def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n & 1:
        return d, c + d
    return c, d


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    m = 10**9 + 7
    acc = 0
    bits = 0
    for r in range(rounds):
        f = 1
        for i in range(2, 1000 + r % 50):
            f *= i
        fib = fib_pair(20000 + r)[0]
        q, rem = divmod(fib, (f >> 2000) | 1)
        x = (f * fib) >> (r + 100)
        acc = (acc + f % m + q % m + rem % m + (x & 0xFFFFFFFF)) % m
        acc = (acc + pow(3 + r, fib & ((1 << 256) - 1), m)) % m
        bits += (f ^ fib).bit_length() - (-x).bit_length()
    print("acc:", acc, "bits:", bits)
    a, b = f, fib
    steps = 0
    while b:
        a, b = b, a % b
        steps += 1
    print("gcd steps:", steps, "gcd:", a)
    s = str(f)
    print("decimal digits:", len(s), s[:20], sum(map(int, s)) % 1000, int(s[::-1]) % m)


main()
