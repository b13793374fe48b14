print(int(1e18), int(1.9999999999999998), int(-1e-10), int(123.999))
print(float(2**53 + 1), float(-(2**63)), float(10**22), float(10**23))
print(int(2.0**100), int(-(2.0**80)))
print(3 * 1.1, 1.1 * 3, 10 / 4, 10 // 4.0)
