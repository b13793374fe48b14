print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", (int, str)))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, object), issubclass(float, int), issubclass(int, (str, int)))
print(type(1), type("a"), type(None), type([]), type(type), type(len), type(1.5) is float)
print(type(1) == int, type(True) is bool, type(3 + 0j).__name__)
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
