# Type guards on values a loop does not change run once before the loop (licm), exiting with the
# frame state of the code before it: the interpreter then redoes only what has no effect, so
# nothing printed before or inside the loop repeats, whatever the types turn out to be.


def show(row, cols, n):
    print("start", row)
    for c in range(n):
        print("c", c, row + c, cols[c])
    print("end")


def mixed(xs, scale):
    out = []
    for i in range(len(xs)):
        out.append(xs[i] * scale)
        print(i, end=" ")
    print()
    return out


def never(n, xs):
    t = 0
    for i in range(n):
        t += xs[i]
    return t


show(1, [True, False], 2)
show(2**61, [1, 2, 3], 3)
show(1.5, (7, 8), 2)
show(3, {0: "a", 1: "b"}, 2)
show(-1, "xy", 2)
print(mixed([1.0, 2.0, 3.5], 2.0))
print(mixed([1, 2], 3))
print(mixed((1.5, 2.5), 2))
print(mixed([1.5, 2.5], 2**70))
print(never(0, None), never(0, 5), never(2, [4, 5]))
try:
    never(1, None)
except TypeError as e:
    print("TypeError", e)
