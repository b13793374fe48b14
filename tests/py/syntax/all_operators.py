a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a << 2, a >> 1, a & b, a | b, a ^ b, ~a, -a, +a)
print(a < b, a > b, a <= b, a >= b, a == b, a != b, a in [17], a not in [17], a is a, a is not b)
print(not a, a and b, a or b)
