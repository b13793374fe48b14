print(abs(-2.5), abs(0.0), abs(-0.0), -(0.0), -(-0.0), +(-1.5))
print(abs(float("-inf")), abs(float("nan")))
