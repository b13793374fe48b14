print(round(5), round(15, -1), round(25, -1), round(-25, -1), round(1234, -2), round(1250, -2))
print(round(123456789, -5), round(5, 2), round(-1, -5), round(2**70, -20))
