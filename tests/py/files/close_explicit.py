path = "close_explicit.tmp"
f = open(path, "w")
print(f.closed)
f.write("abc")
f.close()
print(f.closed)
f = open(path)
print(f.read(2), f.read(), repr(f.read()))
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    from os import remove
    remove(path)
except ImportError:
    pass
