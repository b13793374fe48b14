first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
x, *empty, y = (1, 2)
print(x, empty, y)
[*all_of_it] = (5, 6)
print(all_of_it)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
