print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 2 / 3)
print(10**20 / 10**10)
print(1 / 7, 22 / 7)
print(2**53 + 1, (2**53 + 1) / 1)
print(10**400 // 10**399)
try:
    print(10**400 / 1)
except OverflowError as e:
    print("OverflowError:", e)
print(10**400 / 10**399)
