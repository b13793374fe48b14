def f(n):
    return [[(i, j) for j in range(n) if j != i] for i in range(n)]
print(f(3))
m = 10
adders = [lambda x, k=k: x + k + m for k in range(3)]
print([a(1) for a in adders])
print([[x * y for x in range(1, 4)] for y in range(1, 4)])
