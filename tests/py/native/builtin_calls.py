# Calls of len() and math.sqrt() are recognized by their C functions and compiled inline:
# every case the inline code does not handle (negative, NaN, big ints, bools, rebinding)
# must give what the real functions give.
import math
def f(xs):
    t = 0.0
    for x in xs:
        t += math.sqrt(x)
    return t, len(xs)
print(f([1.0, 4, 9.0, 0.0, -0.0, 2.5, float('inf')]))
try:
    f([1.0, -1.0])
except ValueError as e:
    print("ValueError", e)
print(f([float('nan')]), f((True, 4)), f([10**30]))
def g(xs):
    return [len(xs) for _ in range(2)]
print(g([1, 2]), g((1,)), g("abc"))
math.sqrt = abs
print(f([-4.0]))
len = lambda x: 42
print(f([]))
