d = {"a": 1, "b": 2}
k = d.keys()
v = d.values()
it = d.items()
d["c"] = 3
print(k, v, it, len(k), "a" in k, 2 in v, ("b", 2) in it)
print(k & {"a", "z"} == {"a"}, sorted(k | {"q"}), k - {"a"} == {"b", "c"})
print(list(reversed(d)), list(reversed(d.items())))
