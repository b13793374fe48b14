print(round(3.14159, 2), round(2.5), round(-2.5), round(7), round(7, -1))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2**70, 3))
print(pow(2, 8), pow(2, -2), pow(2.5, 2), pow(7, 2, 10), pow(base=3, exp=2))
try:
    divmod("a", 1)
except TypeError as e:
    print("TypeError:", e)
