sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda: "none")(), (lambda *a, **k: (a, k))(1, z=2))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
print((lambda x: (lambda y: x + y))(3)(4))
