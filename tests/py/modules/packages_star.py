# from package import *: __all__ may name submodules, which get imported
import sys

sys.path.insert(0, sys.path[0] + "/lib")
from shapes import *

print(VERSION, Circle(1).area(), square.area(4))
print(sorted(k for k in globals() if not k.startswith("__")))
