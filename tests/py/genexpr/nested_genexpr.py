pairs = ((a, b) for a in range(3) for b in range(a + 1, 3))
print(list(pairs))
print(sum(sum(1 for _ in range(i)) for i in range(5)))
print(list(zip((i for i in range(3)), (j * 10 for j in range(3)))))
