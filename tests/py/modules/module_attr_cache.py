# Attribute loads on modules are cached by the (keys version, entry) of the module dict:
# replacing, deleting and adding attributes must all be seen, in every mode.
import math, sys
def f(x):
    return math.sqrt(x)
print(f(4.0), f(9))
math.sqrt = lambda x: -x
print(f(4.0))
del math.sqrt
try:
    f(1)
except AttributeError as e:
    print("AttributeError", e)
math.sqrt = abs
print(f(-3))
m = sys.modules[__name__]
def g():
    return m.f(16.0), m.__name__
print(g())
