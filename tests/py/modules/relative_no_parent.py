# a relative import in the main script has no package
print(__package__, __spec__)
try:
    from . import something
except ImportError as e:
    print("ImportError:", e)
try:
    from .sibling import x
except ImportError as e:
    print("ImportError:", e)
