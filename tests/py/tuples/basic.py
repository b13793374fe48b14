t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1], (), (1,), (1, 2) + (3,), (0,) * 3)
print(t.index(2), t.count(1), 2 in t, tuple([1, 2]), tuple("ab"), tuple(range(3)))
x = 1, 2
y = 3,
print(x, y, type(x).__name__)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0), (2,) > (1, 99))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "a"}[(1, 2)])
