# primes.py -- the sieve of Eratosthenes, then a few facts about the primes below 100 000.

def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for multiple in range(n * n, limit + 1, n):
                is_prime[multiple] = False
    return [n for n, flag in enumerate(is_prime) if flag]


primes = sieve(100_000)
print(f"{len(primes)} primes below 100 000; the last is {primes[-1]}")
print("the first twenty:", " ".join(str(p) for p in primes[:20]))

twins = [(p, q) for p, q in zip(primes, primes[1:]) if q - p == 2]
print(f"{len(twins)} twin pairs, the largest {twins[-1]}")

gaps = {}
for p, q in zip(primes, primes[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print("most common gaps:", sorted(gaps.items(), key=lambda kv: -kv[1])[:5])
widest = max(zip(primes, primes[1:]), key=lambda pq: pq[1] - pq[0])
print(f"widest gap: {widest[1] - widest[0]} between {widest[0]} and {widest[1]}")
