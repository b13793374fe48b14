# Loops whose bounds checks, overflow checks and type guards the optimizer removes or hoists
# (range facts, licm of list lengths and guards): the edge cases must behave as in CPython.


def fill(a, start, stop, step):
    for i in range(start, stop, step):
        a[i] = i
    return a


def total_len(a):
    s = 0
    for i in range(len(a)):
        s += a[i]
    return s


def grow_inside(a):
    n = 0
    for i in range(len(a)):
        if i == 1:
            a.append(99)
        n += a[i]
    return n, len(a)


def shrink_inside(a):
    out = []
    try:
        for i in range(4):
            if i == 2:
                a.pop()
                del a[0]
            out.append(a[i])
    except IndexError as e:
        out.append("IndexError: " + str(e))
    return out


def at_limit(a, n):
    try:
        for i in range(n):
            a[i] = a[i] + 1
    except IndexError as e:
        return "IndexError at " + str(i) + ": " + str(e)
    return a


def count_up(n):
    k = 0
    while k < n:
        k += 1
    return k


def count_down(a):
    s = 0
    for j in range(len(a) - 1, -1, -1):
        s = s * 3 + a[j]
    return s


def big_counters(lo, hi):
    s = 0
    for i in range(lo, hi):
        s += i + 1
    return s


def step_by(n, step):
    out = []
    for i in range(0, n, step):
        out.append(i * i + 1)
    return out


def retyped(xs, ys):
    t = 0
    for k in range(3):
        t += xs[k]
        if k == 1:
            xs = ys
    return t


def floats(vals, x):
    acc = 0.0
    for i in range(len(vals)):
        acc += vals[i] * x
    return acc


print(fill([0] * 10, 0, 10, 3))
print(fill([0] * 10, 9, -1, -2))
print(fill([0] * 4, 5, 2, 1))
print(fill([0] * 4, 0, 0, 1))
try:
    print(fill([0] * 4, 2, 8, 2))
except IndexError as e:
    print("IndexError", e)
try:
    print(fill([0] * 4, -6, 0, 1))
except IndexError as e:
    print("IndexError", e)
print(fill([0] * 6, -3, 0, 1))
print(total_len([]), total_len([1, 2, 3]), total_len(list(range(100))))
print(grow_inside([1, 2, 3]))
print(shrink_inside([10, 20, 30, 40, 50]))
print(at_limit([1, 2, 3], 3))
print(at_limit([1, 2, 3], 4))
print(at_limit([1, 2, 3], 0))
print(count_up(0), count_up(-5), count_up(7))
print(count_up(2**61 - 2) if False else count_up(1000))
print(count_down([]), count_down([1]), count_down([1, 2, 3, 4]))
print(big_counters(2**61 - 5, 2**61 - 1))
print(big_counters(2**62 - 3, 2**62 + 2))
print(big_counters(-2**61 - 2, -2**61 + 2))
print(step_by(10, 3), step_by(0, 2), step_by(5, 7))
try:
    print(step_by(5, 0))
except ValueError as e:
    print("ValueError", e)
print(retyped([1, 2, 3], [10, 20, 30]))
print(retyped([1, 2, 3], (10, 20, 30)))
print(retyped([1, 2, 3], {2: 5}))
print(floats([1.5, 2.5, 3.0], 2.0), floats([1, 2], 0.5), floats([], 1.0))
try:
    print(floats([1.0, 2.0], "x"))
except TypeError as e:
    print("TypeError", e)
print(floats([1.0, 2.0], 3))
