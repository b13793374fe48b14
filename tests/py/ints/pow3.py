print(pow(2, 10, 1000), pow(3, 200, 13), pow(7, 0, 5), pow(5, 3, 1))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5))
print(pow(123456789, 987654321, 10**9 + 7))
print(pow(2, 10**20, 10**9 + 9))
print(pow(3, -1, 7), pow(38, -1, 97))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
