# from m import *: __all__ when present (private names too), else every public name
from star_all_mod import *

print(alpha, _beta)
try:
    gamma
except NameError as e:
    print("NameError:", e)

from star_noall_mod import *

print(one, two, four())
try:
    _three
except NameError as e:
    print("NameError:", e)
print(sorted(k for k in globals() if not k.startswith("__")))
