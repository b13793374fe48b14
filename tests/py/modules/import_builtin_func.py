# __import__ with its CPython semantics
import sys

sys.path.insert(0, sys.path[0] + "/lib")
m = __import__("shapes.geo.point")
print(m.__name__)
m = __import__("shapes.geo.point", fromlist=["describe"])
print(m.__name__)
m = __import__("util", globals={"__package__": "shapes"}, level=1)
print(m.__name__)
m = __import__("math")
print(m.__name__, m is sys.modules["math"])
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
