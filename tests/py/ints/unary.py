x = 5
print(-x, +x, ~x, --x, -(-x), not x, not 0)
print(-(2**61), -(-(2**61)), +(-3))
print(-0, abs(-0), abs(-7), abs(2**70 * -1))
