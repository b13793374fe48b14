d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, end=" ")
print()
for k, v in d.items():
    print(k, v, end="; ")
print()
print(sum(d.values()), max(d), min(d, key=d.get), sorted(d, key=lambda k: d[k]))
print(list(enumerate(d)), dict(zip(d.values(), d.keys())))
