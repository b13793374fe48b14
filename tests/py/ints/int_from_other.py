print(int(3.9), int(-3.9), int(1e20), int(True), int(False))
print(int(), int(-0.5), int(2.5e15))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    int(5, 10)
except TypeError as e:
    print("TypeError:", e)
print(int(b"12"), int(" 12 "))
