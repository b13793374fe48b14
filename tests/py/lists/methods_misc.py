a = [3, 1, 2]
a.reverse()
print(a, a.copy(), a.copy() is a, list(reversed(a)))
print(a.index(1), [1, 2, 1, 2].index(2, 2), [0] * 3)
print(max([3, 7, 2]), min([3, 7, 2]), sum([1.5, 2.5]), len([None] * 5))
b = list("abc")
del b[1]
print(b, 1 in a, 9 not in a)
x = [1, 2, 3, 4, 5]
x[1:3] = x
print(x)
