print("shapes.circle: init")
from .util import PI
from . import util as u


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return round(PI * self.r * self.r, 3)

    def same_pi(self):
        return u.PI == PI
