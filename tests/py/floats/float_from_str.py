print(float("3.5"), float("  -2.25  "), float("1e5"), float("1_000.5"), float(".5"), float("5."))
print(float("nan"), float("-iNf"), float(7), float(2**70), float(True), float())
for s in ("", "abc", "1.2.3", "1e", "_1.0", "1__0.0", "0x10"):
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
try:
    float(None)
except TypeError as e:
    print("TypeError:", e)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError:", e)
