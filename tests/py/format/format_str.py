for spec in ("", "s", "10", "<10", ">10", "^10", "*^10", "-<6", ".2", "10.3", "^7.1"):
    print(repr(spec), repr(format("hello", spec)))
print(format("x", "=<3"), format("é", "^5"), format("", "*>3"))
try:
    format("abc", "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1, "s")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
