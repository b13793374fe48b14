a = [1, 2]
a.append(a)
print(a, len(a))
b = [a, [a]]
print(b)
d = {"self": None}
d["self"] = d
print(d)
c = [d, a]
print(c)
