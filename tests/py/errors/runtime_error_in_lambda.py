values = [3, 2, 0, 1]
print(sorted(values, key=lambda v: 10 // v))
