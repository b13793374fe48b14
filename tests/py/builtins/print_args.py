print()
print(1, 2, 3)
print(1, 2, 3, sep="-")
print("a", "b", sep="", end="!\n")
print("no newline", end="")
print(" continued")
print(*[1, 2, 3], sep=", ")
print("x", sep=None, end=None)
print(None, True, 1.5, "s", [1], (2,), {3: 4}, {5})
print("flush", flush=True)
try:
    print(sep=1)
except TypeError as e:
    print("TypeError:", e)
