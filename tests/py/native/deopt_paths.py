# Compiled code guesses types and falls back to the interpreter when a guess fails: an int
# growing past 62 bits, a list holding something else, a float turning up where ints were.
def grow(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x


def mixed(items):
    total = 0
    for v in items:
        total += v
    return total


def index_all(seq, idx):
    out = []
    for i in idx:
        try:
            out.append(seq[i])
        except IndexError as e:
            out.append(str(e))
    return out


def divide(a, b):
    try:
        return a // b, a % b
    except ZeroDivisionError as e:
        return "zero: " + str(e)


def loop_with_break(n):
    found = -1
    for i in range(n, 0, -3):
        if i % 7 == 0:
            found = i
            break
    else:
        found = None
    return found


def float_int(xs):
    acc = 0.5
    for x in xs:
        acc = acc * 2 + x
        if acc > 1e300:
            acc = acc / 1e300
    return acc


print(grow(10), grow(80))
print(mixed([1, 2, 3]), mixed([1, 2.5, 3]), mixed([2**62, 2**62]), mixed([True, 2]))
print(mixed(["a"] * 0), index_all([1, 2, 3], [0, -1, 5, 2, -4]))
print(divide(7, 2), divide(-7, 2), divide(7, -2), divide(7, 0), divide(2**70, 3))
print(loop_with_break(100), loop_with_break(5), loop_with_break(0))
print(float_int([1, 2.5, 3, 10**20, -4]), float_int(range(2000)))
try:
    mixed([1, "x"])
except TypeError as e:
    print("TypeError:", e)
