path = "with_open_exception.tmp"
try:
    with open(path, "w") as f:
        f.write("data")
        raise ValueError("inside with")
except ValueError as e:
    print("caught", e, f.closed)
with open(path) as f:
    print(f.read())
try:
    from os import remove
    remove(path)
except ImportError:
    pass
