a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 < b, a != b != a, a is not b is not c, a in [1] not in [[2]])
print(1 <= a <= 1 <= b, 3 > c, c >= b >= a >= 0)
