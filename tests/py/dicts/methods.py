d = {"a": 1, "b": 2, "c": 3}
print(d.pop("a"), d.pop("zz", "dflt"), d)
print(d.setdefault("b", 100), d.setdefault("n", []), d)
d.update({"c": 30, "d": 4})
d.update(e=5)
d.update([("f", 6)])
print(d)
print(d.popitem(), d)
e = d.copy()
e["x"] = 1
print(len(d), len(e))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
d.clear()
print(d)
