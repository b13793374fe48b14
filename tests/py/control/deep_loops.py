count = 0
for a in range(20):
    for b in range(20):
        for c in range(20):
            if (a + b + c) % 7 == 0:
                count += 1
print(count)
