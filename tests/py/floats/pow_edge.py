print(pow(2.0, 3), pow(-8, 1 / 3) if False else "skip", 0.0 ** 0.0, 1.0 ** float("inf"))
print((-1.0) ** 2, (-2.0) ** 0.5)
print(pow(4, 0.5), pow(2, -1), 10.0 ** 20)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
