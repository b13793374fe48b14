print(format(True), format(True, "d"), format(None), format([1, 2]), format((1,), ""))
print(format(1.5, "g"), format(1e16, "g"), format(1e-5, "g"), format(123456.0, "g"), format(1234567.0, "g"))
print(format(0.0001, ".2g"), format(100000, "g"), format(1e15, ".17g"))
print(format(2**64, "x"), format(-255, "#x"), format(255, "#_b"))
