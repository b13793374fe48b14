# Dynamic programming: edit distance, longest common subsequence, coin change, knapsack.
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

def lcs(a, b):
    memo = {}
    def go(i, j):
        if i == len(a) or j == len(b):
            return ""
        if (i, j) not in memo:
            if a[i] == b[j]:
                memo[i, j] = a[i] + go(i + 1, j + 1)
            else:
                x, y = go(i + 1, j), go(i, j + 1)
                memo[i, j] = x if len(x) >= len(y) else y
        return memo[i, j]
    return go(0, 0)

def coin_change(coins, amount):
    ways = [1] + [0] * amount
    for c in coins:
        for v in range(c, amount + 1):
            ways[v] += ways[v - c]
    return ways[amount]

def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap]

print(edit_distance("kitten", "sitting"), edit_distance("", "abc"), edit_distance("flaw", "lawn"))
print(lcs("AGGTAB", "GXTXAYB"), lcs("abc", "def") == "")
print(coin_change([1, 2, 5, 10, 20, 50, 100, 200], 200), coin_change([2], 3))
print(knapsack([(12, 4), (2, 2), (1, 1), (1, 2), (4, 10)], 15))
