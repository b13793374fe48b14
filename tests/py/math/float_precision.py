import math
vals = [math.sqrt(i) for i in range(10)]
print(vals)
print([math.exp(i / 3) for i in range(5)])
print([round(math.sin(i), 10) for i in range(5)])
print(math.pi * 2, 355 / 113, abs(math.pi - 355 / 113) < 1e-6)
