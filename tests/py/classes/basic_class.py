class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
p = Point(1, 2) + Point(3, 4)
print(p, p.x, isinstance(p, Point), type(p).__name__)
