vals = [3, 8, 1, 9]
print([(last := v) for v in vals], last)
total = 0
print([total := total + v for v in vals], total)
