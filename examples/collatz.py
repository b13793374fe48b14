# collatz.py -- the 3n + 1 problem: longest chains below a million, with a memo dict.

memo = {1: 1}


def chain_length(n):
    path = []
    while n not in memo:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = memo[n]
    for m in reversed(path):
        length += 1
        memo[m] = length
    return length


best = max(range(1, 300_000), key=chain_length)
print(f"below 300 000 the longest chain starts at {best} ({chain_length(best)} terms)")
n, steps, peak = best, 0, best
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
    peak = max(peak, n)
print(f"it takes {steps} steps and climbs as high as {peak:,}")
lengths = [chain_length(k) for k in range(1, 21)]
print("chain lengths of 1..20:", lengths)
