a = "ab"
print(a + "cd", a * 3, 3 * a, a * 0, a * -1, "" * 100)
b = a
b += "x"
print(a, b)
print("-" * 40)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 2.5
except TypeError as e:
    print("TypeError:", e)
