# packages: __init__.py, submodules, relative imports, `import a.b.c` binding a, `import a.b as c`
import sys

sys.path.insert(0, sys.path[0] + "/lib")

import shapes

print(shapes.VERSION, shapes.Circle(2).area(), shapes.util.PI)
print(shapes.__package__, shapes.__path__[0].endswith("shapes"), shapes.__file__.endswith("__init__.py"))
print(sorted(k for k in sys.modules if k.startswith("shapes")))

import shapes.geo.point

print(shapes.geo.point.describe())
print(shapes.geo.point.__package__, shapes.geo.__package__)
print("point" in dir(shapes.geo), "geo" in dir(shapes))

import shapes.geo.point as p

print(p is shapes.geo.point, p.__name__)

from shapes import square

print(square.area(3), "square" in dir(shapes))
from shapes.geo import point as pt, C

print(pt is p, C is shapes.Circle)
from shapes.circle import Circle

print(Circle(1).same_pi())

import nspkg.part

print(nspkg.part.WHO, nspkg.__file__, nspkg.__path__[0].endswith("nspkg"))
print(repr(nspkg).startswith("<module 'nspkg'"))

try:
    import shapes.geo.toofar
except ImportError as e:
    print("ImportError:", e)
try:
    import plain.sub
except ImportError as e:
    print(type(e).__name__, e)
try:
    from shapes import nonexistent
except ImportError as e:
    print(type(e).__name__, str(e).replace(sys.path[0], "<dir>"))
try:
    import shapes.nonexistent
except ImportError as e:
    print(type(e).__name__, e, e.name)
