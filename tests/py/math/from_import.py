from math import sqrt, pi as PI, floor
print(sqrt(81), PI, floor(3.9))
import math as m
print(m.ceil(0.1), m.__name__)
