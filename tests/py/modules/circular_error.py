# `from m import x` while m is still running its body: CPython's circular-import hint
import sys

try:
    import cerr_a_mod
except ImportError as e:
    print(str(e).replace(sys.path[0], "<dir>"))
    print(e.name, e.path.replace(sys.path[0], "<dir>"))
print(sorted(m for m in sys.modules if m.startswith("cerr")))
