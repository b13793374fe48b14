print(repr(10), repr(-10), str(0), repr(2**64), repr(True), repr(False))
print(str(-123456789), format(1234567, ","), format(1234567, "_"))
