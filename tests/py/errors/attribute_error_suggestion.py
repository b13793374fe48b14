# An uncaught AttributeError suggests the closest name in dir(obj), as CPython 3.11 does.
class Point:
    def __init__(self):
        self.x = 1
        self.y = 2

    def norm(self):
        return self.x + self.y

p = Point()
print(p.norm())
print(p.nrom())
