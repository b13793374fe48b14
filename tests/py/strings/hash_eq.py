a = "hello"
b = "hel" + "lo"
print(a == b, hash(a) == hash(b), a is not None)
d = {a: 1}
print(d[b], "".join(["h", "e", "l", "l", "o"]) in d)
