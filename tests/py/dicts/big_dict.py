d = {}
for i in range(50000):
    d[i * 7] = i
print(len(d), d[7 * 49999], sum(d.values()) == sum(range(50000)))
for i in range(0, 50000, 3):
    del d[i * 7]
print(len(d), list(d)[:5])
s = {str(i): i for i in range(20000)}
print(s["19999"], len(s), "20000" in s)
