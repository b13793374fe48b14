path = "write_read.tmp"
with open(path, "w") as f:
    n = f.write("hello\n")
    f.write("second line\n")
    f.write("ünïcode ✓\n")
print(n)
with open(path) as f:
    data = f.read()
print(repr(data))
with open(path, "r") as f:
    print(f.readline(), end="")
    print(f.readline().strip())
    print(repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
try:
    from os import remove
    remove(path)
except ImportError:
    pass
