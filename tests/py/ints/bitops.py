a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(-12 & 10, -12 | 10, -12 ^ 10)
print(-12 & -10, -12 | -10, -12 ^ -10)
big = (1 << 100) | 0xFF
print(big & 0xF0, big | 1, big ^ big, ~big)
print((-(1 << 100)) & 0xFFFF, (-(1 << 100)) | 1)
print(bin(-37 & 0xFF))
