total = 0
for i in range(200):
    total = total * 3 + i
print(total)
print(total % 1000003, total // 10**80)
x = 2**62
print(x - 1, x - x, (x - 1) - (x - 1), type(x - x + 1).__name__)
nums = [2**61 - 2, 2**61 - 1, 2**61, 2**62, -(2**61) + 1, -(2**61), -(2**61) - 1]
for a in nums:
    print(a + 1, a - 1, a * 2, a // 3, a % 7, -a)
