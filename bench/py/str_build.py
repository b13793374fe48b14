# String building: a small report generator using join, f-strings, % and format(), +=
# concatenation, str methods (replace, find, split, center, zfill) and slicing.
# Stresses: str allocation and copying, formatting, method calls on str.
# Usage: str_build.py [records]
import sys


def render(i):
    name = "user%05d" % i
    score = (i * 7919) % 1000 / 10
    tag = ["red", "green", "blue", "amber"][i % 4]
    line = f"{name:<12}|{score:8.2f}|{tag.upper():>6}|"
    line += "{0:x}/{1:o}".format(i, i * 3)
    return line


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
    lines = []
    total = 0
    for i in range(n):
        line = render(i)
        if line.find("RED") >= 0:
            line = line.replace("RED", "r-e-d")
        parts = line.split("|")
        total += len(parts[0].strip()) + len(parts[-1])
        lines.append(line)
    text = "\n".join(lines)
    acc = ""
    for i in range(0, len(text), 997):
        acc += text[i:i + 3]
    print("length:", len(text), "total:", total)
    print("sample:", lines[n // 2])
    print("acc:", len(acc), acc[:30])
    print("counts:", text.count("GREEN"), text.count("r-e-d"), str(n).zfill(10).center(14, "*"))


main()
