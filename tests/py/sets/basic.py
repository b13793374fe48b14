s = {3, 1, 2}
s.add(4)
s.add(1)
print(sorted(s), len(s), 2 in s, 9 in s)
s.discard(9)
s.remove(3)
print(sorted(s), set(), set([1, 1, 2]) == {1, 2}, {1, 2, 3})
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
p = s.pop()
print(p in (1, 2, 4), len(s))
