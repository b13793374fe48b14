try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from no_such_module_abc import thing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
import sys, math
print(sys.modules["math"] is math, "sys" in sys.modules)
