print(1 << 0, 1 << 10, 1 << 62, 1 << 63, 1 << 100)
print(-1 << 70, 5 << 3)
print(1024 >> 3, -1024 >> 3, -1 >> 100, 1 >> 100, -7 >> 1)
print((1 << 200) >> 190, (-(1 << 200)) >> 199)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError:", e)
