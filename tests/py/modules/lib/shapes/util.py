print("shapes.util: init, __package__ =", __package__)
PI = 3.14159


def area_of_square(side):
    return side * side
