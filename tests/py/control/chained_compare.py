x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0, 1 < 2 < 3 < 4 < 5 < 4)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(2), calls)
calls.clear()
print(v(1) < v(2) < v(3), calls)
print("a" < "b" <= "b" != "c", x is not None is not False, 2 in [2] in [[2]])
