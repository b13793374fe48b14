print("shapes.geo: init, __package__ =", __package__)
from .. import util
from ..circle import Circle as C
