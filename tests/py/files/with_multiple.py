p1, p2 = "with_multiple_a.tmp", "with_multiple_b.tmp"
with open(p1, "w") as a, open(p2, "w") as b:
    a.write("A")
    b.write("B")
with open(p1) as a, open(p2) as b:
    print(a.read() + b.read())
try:
    from os import remove
    remove(p1)
    remove(p2)
except ImportError:
    pass
