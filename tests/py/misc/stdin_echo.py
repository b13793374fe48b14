count = 0
total = 0
while True:
    try:
        line = input()
    except EOFError:
        break
    count += 1
    total += sum(int(x) for x in line.split())
    print(f"{count}: {line!r}")
print("lines:", count, "sum:", total)
