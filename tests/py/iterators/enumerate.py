for i, c in enumerate("abc"):
    print(i, c)
print(list(enumerate(["x", "y"], 1)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
