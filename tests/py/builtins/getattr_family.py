print(getattr("abc", "upper")(), getattr([], "nope", "default"), hasattr("x", "join"), hasattr(1, "zzz"))
def f():
    pass
setattr(f, "tag", 42)
print(f.tag, getattr(f, "tag"), hasattr(f, "tag"))
f.other = "o"
print(f.other, f.__name__)
delattr(f, "tag")
print(hasattr(f, "tag"))
try:
    getattr(1, "zzz")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(1, 5)
except TypeError as e:
    print("TypeError:", e)
