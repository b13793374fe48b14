d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], "a" in d, "z" in d, d.get("z"), d.get("z", 0), d.get("a"))
del d["b"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print({}, dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, z=0))
