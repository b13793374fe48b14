print([x * x for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)], [c.upper() for c in "abc"])
print([[j for j in range(i)] for i in range(4)], [x if x > 2 else -x for x in range(5)])
print([w for line in ["a b", "c d e"] for w in line.split()])
