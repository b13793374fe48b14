print("a")
y = [1, 2]]
