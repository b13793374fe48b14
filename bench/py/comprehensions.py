# List, set and dict comprehensions and generator expressions: nested loops with conditions,
# transposes and groupings over lists of tuples.
# Stresses: comprehension frames, list append/build, tuple unpacking, sum/min/max on iterables.
# Usage: comprehensions.py [rounds]
import sys


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    total = 0
    for r in range(rounds):
        rows = [(i, (i * 31 + r) % 97, (i * i + r) % 53) for i in range(3000)]
        evens = [a for a, b, c in rows if b % 2 == 0]
        pairs = [(b, c) for a, b, c in rows if a % 3 == 0 and c > 10]
        distinct = {b * c % 101 for b, c in pairs}
        groups = {k: [a for a, b, c in rows[:400] if b % 7 == k] for k in range(7)}
        matrix = [[(i * j + r) % 10 for j in range(40)] for i in range(40)]
        transposed = [[row[j] for row in matrix] for j in range(40)]
        total += len(evens) + len(pairs) + len(distinct)
        total += sum(len(v) for v in groups.values())
        total += sum(x * y for x, y in zip(matrix[3], transposed[5]))
        total += max(c for a, b, c in rows) + min(b for a, b, c in rows)
    print("total:", total)


main()
