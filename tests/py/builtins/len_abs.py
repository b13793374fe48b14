print(len("abc"), len([1, 2]), len(()), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b"xy"))
print(abs(-5), abs(3.5), abs(-0.0), abs(True), abs(-(10**30)), abs(3 + 4j))
for v in (5, None, len):
    try:
        len(v)
    except TypeError as e:
        print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
