d = {"a": [1, 2]}
d["a"][0] += 10
d["a"] += [3]
x = [0]
x[0] -= 1
print(d, x)
def f():
    f.count = getattr(f, "count", 0) + 1
f(); f()
f.count += 100
print(f.count)
