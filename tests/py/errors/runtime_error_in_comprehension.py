data = {"a": 1, "b": 2}
print([data[k] for k in "abc"])
