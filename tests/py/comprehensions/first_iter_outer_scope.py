def f():
    data = [1, 2, 3]
    return [y for y in data if y in data]
print(f())
n = 3
print([[i] * n for i in range(n)])
