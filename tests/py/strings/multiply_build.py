parts = []
for i in range(10):
    parts.append(str(i) * i)
print("|".join(parts))
s = ""
for i in range(1000):
    s += chr(ord("a") + i % 26)
print(len(s), s[:30], s[-5:])
