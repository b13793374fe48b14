a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection([1, 2, 7])), sorted(a.difference(b)),
      sorted(a.symmetric_difference(b)))
print(a <= a, {1} < a, a > {1, 2}, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({7}))
c = set(a)
c |= {10}
c &= {1, 10, 3}
c -= {3}
c ^= {99}
print(sorted(c))
c.update([5, 6], (7,))
c.difference_update({5})
print(sorted(c))
