# Globals read in loops that run no Python code are read once before the loop, with the
# guards on them (compiled code): a missing or rebound name must behave exactly as if it were
# read on every iteration.
def sq(x):
    return x * x + 1


def total(n):
    t = 0
    for i in range(n):
        t += sq(i)
    return t


def total_missing(n):
    t = 0
    for i in range(n):
        t += nowhere(i)
    return t


print(total(10))
print(total_missing(0))
try:
    total_missing(3)
except NameError as e:
    print("NameError:", e)
saved = sq
for k in range(6):
    sq = (lambda x: -x) if k % 2 else saved
    print(k, total(5))
del sq
try:
    total(2)
except NameError as e:
    print("NameError:", e)
print(total(0))
sq = saved
print(total(4))


def nested(n):
    out = []
    for i in range(n):
        row = 0
        for j in range(n):
            row += sq(i + j)
        out.append(row)
    return out


print(nested(4))
