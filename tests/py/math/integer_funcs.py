import math
print([math.isqrt(n) for n in (0, 1, 3, 4, 15, 16, 17, 10**30)])
print(math.gcd(2**100, 2**60 * 3), math.gcd(-4, 6), math.factorial(0), math.comb(50, 25))
print(math.floor(7), math.ceil(-7), math.trunc(10**30), math.floor(-0.5), math.ceil(0.5))
