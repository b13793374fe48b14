total = 0
for i in range(1000000):
    total += i
print(total)
for i in range(10, 0, -4):
    print(i, end=" ")
print()
print([i for i in range(-5, 5) if i % 2])
