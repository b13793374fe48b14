d = {"k": 1}
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
try:
    for k in d:
        d["new" + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
