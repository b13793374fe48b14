# Factorization by trial division, perfect numbers, and a prime spiral count.
def factor(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        out.append(n)
    return out

for n in (1, 2, 12, 97, 360, 1001, 2**32 + 1, 600851475143, 10**12 + 39):
    print(n, factor(n))
perfect = [n for n in range(2, 2000) if sum(d for d in range(1, n // 2 + 1) if n % d == 0) == n]
print(perfect)
def is_prime(n):
    return n > 1 and factor(n) == [n]
print(sum(1 for n in range(3000) if is_prime(n)))
