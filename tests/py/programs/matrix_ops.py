# Matrices as lists of lists: multiplication, transpose, determinant, powers (Fibonacci).
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]

def matpow(m, k):
    result = identity(len(m))
    while k:
        if k & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        k >>= 1
    return result

def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for j, v in enumerate(m[0]):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        total += (-1) ** j * v * det(minor)
    return total

a = [[1, 2], [3, 4]]
b = [[0, 1], [1, 0]]
print(matmul(a, b), matmul(b, a))
print([list(r) for r in zip(*[[1, 2, 3], [4, 5, 6]])])
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det(identity(4)), det([[1, 2], [2, 4]]))
print(matpow([[1, 1], [1, 0]], 90)[0][1])
m = [[i * 4 + j for j in range(4)] for i in range(4)]
for row in matmul(m, identity(4)):
    print(" ".join(f"{v:3d}" for v in row))
