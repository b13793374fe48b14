f = frozenset([3, 1, 2])
print(sorted(f), len(f), 1 in f, f == {1, 2, 3}, type(f | {4}).__name__, type({4} | f).__name__)
print(frozenset(), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {f: "x"}
print(d[frozenset({1, 2, 3})])
print({frozenset([1]), frozenset([1])} == {frozenset([1])})
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
