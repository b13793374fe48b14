d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d)
del d["alpha"]
d["alpha"] = 0
print(list(d))
d["zeta"] = 99
print(d)
for i in range(100):
    d[i] = i
for i in range(0, 100, 2):
    del d[i]
print(list(d)[:8], len(d))
