# import m, import m as x, from m import a, b: one execution, cached in sys.modules
import sys

print("before import")
import greet_mod
import greet_mod as g2
from greet_mod import greet, GREETING
from greet_mod import Greeter as G

print(greet_mod is g2, greet_mod is sys.modules["greet_mod"])
print(greet("world"), GREETING, G("ann"))
print(greet_mod.counter)
print(greet_mod.__name__, greet_mod.__package__ == "", greet_mod.__spec__ is None or True)
print(greet_mod.__file__.endswith("greet_mod.py"))
print(type(greet_mod).__name__)
print(repr(greet_mod).startswith("<module 'greet_mod' from '"))
print(__name__)


def use_inside():
    import greet_mod as inner
    from greet_mod import counter
    return inner.greet("again"), counter


print(use_inside())
print(greet_mod.counter)
greet_mod.NEW = 42
import greet_mod
print(greet_mod.NEW)
print([k for k in dir(greet_mod) if not k.startswith("__")])
print(sorted(k for k in vars(greet_mod) if k.startswith("__") and k != "__builtins__"))
