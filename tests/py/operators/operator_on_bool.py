print(True + True + True, True * 3, True / 2, -True, True ** 2, True << 2, True % 2, False // 1)
print(True & 1, True | 2, True == 1.0, True > False, max(True, 2), sum([True, True, False]))
