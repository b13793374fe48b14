with open("read_own_source.py") as f:
    lines = f.readlines()
print(len(lines), lines[0].rstrip())
with open("read_own_source.py", encoding="utf-8") as f:
    print(sum(1 for _ in f))
