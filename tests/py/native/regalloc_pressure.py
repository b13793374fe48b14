# Register allocation under pressure: many ints and floats live at once across boxing slow
# paths (floats with no flonum word, ints past 62 bits), helper calls whose operands sit in
# each other's argument registers, phi cycles (swaps), // and % among live values, and the
# generic arithmetic's slow paths in the middle of loops.


def ints(n):
    a, b, c, d, e, f, g, h = 1, 2, 3, 4, 5, 6, 7, 8
    acc = []
    for i in range(n):
        a, b = b, a                      # a phi cycle
        c, d, e = e, c, d                # a longer one
        f = f + i * 3
        g = (g * 7 + i) % 1000003
        h = h // 2 + i
        big = (1 << 61) + i if i % 5 == 0 else i   # boxing past small ints
        acc.append((a, b, c, d, e, f, g, h, big, a - b, f % (i + 1), -g // 7))
    return acc


def floats(n):
    x, y, z, w = 0.5, 1.5, -2.25, 1e300
    out = []
    for i in range(n):
        t = x * y - z
        u = w * 10.0 if i % 3 == 0 else w / 3.0   # inf and huge: boxed floats
        v = 5e-324 * (i + 1)                      # subnormals: boxed too
        x, y, z = y, z + t * 0.25, x - 1.0
        out.append((t, u, v, x, y, z, t * u > 0, v < t))
    return out


def calls(xs, ys):
    # operands of generic operations and calls in registers that are other argument registers
    r = []
    for i in range(len(xs)):
        a = xs[i]
        b = ys[i]
        r.append(max(b, a) - min(a, b))
        r.append(divmod(b, a))
        r.append(pow(a, 2, b + 7))
        r.append(str(b) + str(a))
    return r


def mixed(n):
    s = 0
    f = 0.0
    obj = [0]
    for i in range(n):
        k = i * i
        s += k if i % 2 else -k
        f += k * 0.5
        obj[0] = obj[0] + (i if i % 3 else 2 ** 70)    # a big int: the slow path
        if f > 1e6:
            f = f - 1e6
    return s, f, obj


print(ints(12)[-3:])
print(floats(7))
print(calls([1, 2, 3, 4, 5], [9, 8, 7, 6, 5]))
print(mixed(200))
for k in range(3):
    print(sum(x[0] + x[9] for x in ints(30 + k)), len(floats(20 + k)))


def edges(a, b):
    # the overflow checks of int arithmetic at the 62-bit edges of small ints
    return a - 1, a + 1, b * 2, a * b, a - b, (a + 3) * 4


for a, b in [(1, 2), (2**61 - 1, 2), (-2**61, 3), (2**60, -2), (-2**60, 2**30), (5, -2**61)]:
    print(edges(a, b))
