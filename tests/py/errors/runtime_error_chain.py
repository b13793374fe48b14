def load(key):
    table = {"x": 1}
    try:
        return table[key]
    except KeyError:
        raise ValueError("unknown key " + key)
print(load("x"))
print(load("y"))
