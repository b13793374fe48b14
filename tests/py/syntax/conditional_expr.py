x = 5
y = "big" if x > 3 else "small"
z = (lambda: "l" if x else "r")()
print(y, z, "a" if 0 else "b" if 0 else "c", [i if i else -1 for i in range(3)])
