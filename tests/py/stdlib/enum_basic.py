from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
class N(IntEnum):
    A = 1
    B = 2
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
class IP(IntFlag):
    R = 4
    W = 2
    X = 1
print(repr(Color.RED), str(Color.RED), format(Color.RED), f"{Color.RED}", f"{Color.RED:>12}|")
print(repr(N.A), str(N.A), format(N.A), f"{N.A:>5}", N.A + 1, N.A == 1, hash(N.A) == hash(1))
print(list(Color), len(Color), Color.CRIMSON, Color(1), Color['GREEN'], Color.__members__)
print(repr(Perm.R | Perm.W), str(Perm.R | Perm.W), repr(Perm(0)), str(Perm(0)), repr(~Perm.R), repr(Perm.RWX), list(Perm), list(Perm.R|Perm.X), bool(Perm(0)), Perm.R in Perm.RWX, len(Perm.R|Perm.W))
print(repr(IP.R | 8), str(IP.R|IP.W), IP.R | IP.W == 6, repr(~IP.R), repr(IP(0)), format(IP.R|IP.W))
try:
    print('Color(5)', '->', Color(5))
except Exception as e:
    print('Color(5)', '!!', type(e).__name__, e)
try:
    print("Color['X']", '->', Color['X'])
except Exception as e:
    print("Color['X']", '!!', type(e).__name__, e)
try:
    print('Color.RED in Color', '->', Color.RED in Color)
except Exception as e:
    print('Color.RED in Color', '!!', type(e).__name__, e)
try:
    print('Color.RED < Color.BLUE', '->', Color.RED < Color.BLUE)
except Exception as e:
    print('Color.RED < Color.BLUE', '!!', type(e).__name__, e)
try:
    print('Perm(8)', '->', Perm(8))
except Exception as e:
    print('Perm(8)', '!!', type(e).__name__, e)
try:
    print('Color.RED.name', '->', Color.RED.name)
except Exception as e:
    print('Color.RED.name', '!!', type(e).__name__, e)
try:
    print('Color.RED.value', '->', Color.RED.value)
except Exception as e:
    print('Color.RED.value', '!!', type(e).__name__, e)
try:
    print('Color.RED is Color(1)', '->', Color.RED is Color(1))
except Exception as e:
    print('Color.RED is Color(1)', '!!', type(e).__name__, e)
try:
    print('Color.RED == 1', '->', Color.RED == 1)
except Exception as e:
    print('Color.RED == 1', '!!', type(e).__name__, e)
try:
    print('type(Color)', '->', type(Color))
except Exception as e:
    print('type(Color)', '!!', type(e).__name__, e)
try:
    print('Color', '->', Color)
except Exception as e:
    print('Color', '!!', type(e).__name__, e)
try:
    print('Perm', '->', Perm)
except Exception as e:
    print('Perm', '!!', type(e).__name__, e)
try:
    print('dict(Color.__members__)', '->', dict(Color.__members__))
except Exception as e:
    print('repr(Color.__members__)', '!!', type(e).__name__, e)
try:
    print('Color.RED.BLUE', '->', Color.RED.BLUE)
except Exception as e:
    print('Color.RED.BLUE', '!!', type(e).__name__, e)
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e: print(e)
try: Color.RED = 5
except AttributeError as e: print(e)
try: del Color.RED
except AttributeError as e: print(e)
class A(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()
print(list(A), A.W.value)
class F(Flag):
    A = auto()
    B = auto()
    C = auto()
print(list(F), F.C.value, repr(F.A|F.B|F.C), repr(~F.A))
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, Enum('X', [('a', 5), ('b', 6)]).b, Enum('Y', {'q': 'z'}).q)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def g(self): return self.mass / (self.radius ** 2)
print(Planet.EARTH, Planet.EARTH.value, Planet.MARS.mass, round(Planet.EARTH.g, 3))
class Shape(Enum):
    SQ = 1
    def describe(self): return f"{self.name} is {self.value}"
    @classmethod
    def default(cls): return cls.SQ
print(Shape.SQ.describe(), Shape.default(), {Shape.SQ: 1}, sorted(Color, key=lambda c: c.value))
class Mood(Enum):
    HAPPY = 'h'
    @classmethod
    def _missing_(cls, value):
        if value == 'H': return cls.HAPPY
print(Mood('H'), Mood.HAPPY.__class__, isinstance(Mood.HAPPY, Mood), isinstance(Mood.HAPPY, Enum))
try: Mood('x')
except ValueError as e: print(e)
print(N.A < N.B, N(2), N['A'], sorted([N.B, N.A]), int(N.B), list(N))
print(Color.RED.__class__.__name__, Color.__name__, Color.RED._name_, Color._member_names_)
from enum import STRICT, CONFORM, KEEP
class Q(Flag, boundary=STRICT):
    A = 1
    B = 2
try:
    Q(4)
except ValueError as e:
    print(e)
print(repr(Perm(9)), repr(Perm(15)), repr(Perm(-1)), repr(IP(9)))
