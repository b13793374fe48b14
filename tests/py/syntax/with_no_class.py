path = "with_no_class.tmp"
with open(path, "w") as f, open(path + "2", "w") as g:
    f.write("x")
    g.write("y")
with (open(path) as f,
      open(path + "2") as g):
    print(f.read(), g.read())
try:
    from os import remove
    remove(path)
    remove(path + "2")
except ImportError:
    pass
