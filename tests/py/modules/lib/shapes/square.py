print("shapes.square: init")
from .util import area_of_square


def area(side):
    return area_of_square(side)
