def counter(store={}):
    store["n"] = store.get("n", 0) + 1
    return store["n"]
print(counter(), counter(), counter({}))
def late(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(late(), late())
