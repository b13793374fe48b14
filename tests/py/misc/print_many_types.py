print(1, 1.0, "1", [1], (1,), {1}, {1: 1}, None, True, b"1", 1j, range(1))
print(str(1), str(1.0), str([1.0]), str((1.0,)), str({"a": 1.0}))
