def f(a, b, c, d, e, f, g, h, i, j, k, l):
    return a + b + c + d + e + f + g + h + i + j + k + l
print(f(*range(12)), f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, l=12))
def g(*a):
    return len(a)
print(g(*range(1000)))
