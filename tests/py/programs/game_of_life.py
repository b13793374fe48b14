# Conway's game of life on a small torus, printed as text.
W, H = 12, 8
cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}  # a glider

def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % W, (y + dy) % H)
                    counts[key] = counts.get(key, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}

for gen in range(4):
    cells = step(cells)
for y in range(H):
    print("".join("#" if (x, y) in cells else "." for x in range(W)))
print(sorted(cells))
for _ in range(40):
    cells = step(cells)
print(len(cells), sorted(cells))
