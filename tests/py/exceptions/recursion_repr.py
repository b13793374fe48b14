x = []
for i in range(500):
    x = [x]
print(len(repr(x)))
for i in range(5000):
    x = [x]
try:
    print(len(repr(x)))
except RecursionError as e:
    print("RecursionError:", e)
d = {}
for i in range(5000):
    d = {"k": d}
try:
    str(d)
except RecursionError as e:
    print("RecursionError:", e)
