path = "many_lines.tmp"
with open(path, "w") as f:
    for i in range(1000):
        f.write(f"{i},{i * i}\n")
total = 0
with open(path) as f:
    for line in f:
        a, b = line.split(",")
        total += int(b)
print(total)
try:
    from os import remove
    remove(path)
except ImportError:
    pass
