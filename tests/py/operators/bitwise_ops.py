print(6 & 3, 6 | 3, 6 ^ 3, ~6, 6 << 2, 6 >> 1, -6 >> 1, -6 & 0xFF)
print(True & True, True | False, False ^ True, {1, 2} & {2}, {1} | {2}, {1, 2} ^ {2, 3})
