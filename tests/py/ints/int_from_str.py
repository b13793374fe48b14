print(int("42"), int("-42"), int("  +7  "), int("0"), int("-0"))
print(int("1_000"), int("\t12\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("101", 2), int("0b101", 0))
print(int("z", 36), int("Zz", 36), int("10", 3))
print(int("123456789012345678901234567890"))
print(int(" -0x_1f ", 0))
for s, base in (("", 10), ("abc", 10), ("1.5", 10), ("12", 2), ("010", 0), ("1__0", 10),
                ("_1", 10), ("9", 8), ("0x", 16)):
    try:
        int(s, base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int("5", 37)
except ValueError as e:
    print("ValueError:", e)
