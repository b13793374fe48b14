data = [5, 3, 5, 1, 3, 9, 1, 1]
seen = set()
out = []
for x in data:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out, len(seen), sorted(set(data)))
print(len({i % 100 for i in range(100000)}), sorted({x * x % 7 for x in range(50)}))
