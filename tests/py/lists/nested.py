grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid)
grid[1][1] = "X"
print(grid[1], [row[0] for row in grid])
t = list(zip(*grid))
print(t)
flat = [v for row in grid for v in row]
print(flat)
