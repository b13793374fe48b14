# ir: --func f --after simplify
# `is` gives a bool: truth(bool_to_obj c) is c, not of it is not_b c, and a branch on not_b c
# swaps its successors instead.
def f(x, y):
    if x is None:
        return 1
    if x is not y:
        return 2
    return not (x is y)
