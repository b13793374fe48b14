print(str(), str(1), str(-2.5), str(None), str(True), str([1, "a"]), str((1,)), str({"k": 1}))
print(str(b"xy"), str("s"), str(b"abc", "ascii"), str(b"\xc3\xa9", encoding="utf-8"))
print(type(str(5)).__name__, str(str))
