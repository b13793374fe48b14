# the messages of failing imports, caught
import sys


def show(code):
    try:
        exec_import(code)
    except ImportError as e:
        msg = str(e).replace(sys.path[0], "<dir>")
        print(type(e).__name__ + ":", msg, "| name:", e.name)


def exec_import(code):
    if code == 1:
        import no_such_module_xyz
    elif code == 2:
        import greet_mod.sub
    elif code == 3:
        from greet_mod import nothing_here
    elif code == 4:
        from sys import nothing_here
    elif code == 5:
        import no_such_pkg.sub
    elif code == 6:
        from no_such_module_xyz import a


for i in range(1, 7):
    show(i)

try:
    import raises_mod
except ValueError as e:
    print("ValueError:", e)
print("raises_mod" in sys.modules)
try:
    import raises_mod
except ValueError as e:
    print("again ValueError:", e)

try:
    import bad_syntax_mod
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.filename.endswith("bad_syntax_mod.py"))
print("bad_syntax_mod" in sys.modules)

sys.modules["blocked_mod"] = None
try:
    import blocked_mod
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

sys.modules["fake_mod"] = "I am not a module"
import fake_mod
print(fake_mod)
