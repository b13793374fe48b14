path = "append_mode.tmp"
with open(path, "w") as f:
    f.write("a\n")
with open(path, "a") as f:
    f.write("b\n")
    print("x", file=f)
    print("y", 1, sep="-", end="!\n", file=f)
with open(path) as f:
    print(f.read().splitlines())
try:
    from os import remove
    remove(path)
except ImportError:
    pass
