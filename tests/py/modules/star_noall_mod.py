import sys as _sys
one = 1
two = 2
_three = 3


def four():
    return 4
