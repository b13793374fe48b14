x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
a = [0, 1, 2, 3, 4, 5]
del a[0], a[-1]
print(a)
del a[1:3]
print(a)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
p, q = 1, 2
del (p, q)
try:
    p
except NameError as e:
    print("NameError:", e)
def f():
    y = 1
    del y
    return "deleted"
print(f())
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
