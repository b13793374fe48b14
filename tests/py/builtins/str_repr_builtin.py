class_free = [str(1), str("a"), repr("a"), str([1, "a"]), repr(1.25), str(b"x"), str(None)]
print(class_free)
print(str(1e100), str(0.1), repr([0.1, "b"]))
