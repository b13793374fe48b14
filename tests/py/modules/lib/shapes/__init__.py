print("shapes: init, __name__ =", __name__, "__package__ =", __package__)
VERSION = "1.0"
from .circle import Circle
from . import util

__all__ = ["Circle", "square", "VERSION"]
