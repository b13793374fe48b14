for x in (1.0, 0.5, 3.14, -2.5, 0.0, -0.0, 1e-320, 1.7976931348623157e308, 0.1):
    print(x.hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x1.999999999999ap-4"))
print(float.fromhex("inf"), float.fromhex("0x0p0"))
