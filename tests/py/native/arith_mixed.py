# Arithmetic mixing user classes, ints and floats, and errors from it, in compiled loops.
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o): return N(o + self.v)
    def __sub__(self, o): return N(self.v - o)
    def __lt__(self, o): return self.v < (o.v if isinstance(o, N) else o)
    def __gt__(self, o): return self.v > (o.v if isinstance(o, N) else o)
    def __bool__(self): return self.v != 0
    def __le__(self, o): return not self > o
    def __ge__(self, o): return not self < o
    def __repr__(self): return 'N(%r)' % self.v

class Bad:
    def __bool__(self): raise ValueError("no truth")
    def __lt__(self, o): return Bad()

class F(float): pass
class I(int): pass

def mix(xs, n):
    out = []
    for i in range(n):
        out.append((i * 0.5) + xs[i])
        out.append(xs[i] - (i * 0.25))
        out.append((i * 1.5) < xs[i])
        out.append(xs[i] > (i * 1.5))
        out.append(xs[i] + (i * 0.5))
        out.append(xs[i] + (i * 0.5 + 1.0))
        out.append(xs[i] == (i * 0.5))
    return out

def cmpbr(xs, ys):
    c = 0
    for x in xs:
        for y in ys:
            if x < y: c += 1
            if x >= y: c += 10
            if x == y: c += 100
            if x != y: c += 1000
            if x: c += 10000
    return c

def tr(xs):
    r = []
    for x in xs:
        b = not x
        r.append(b)
        if x:
            r.append('t')
    return r

def errs():
    r = []
    for a, b in [(1, 'x'), ('x', 1), (1, 0), (1.0, 0), (1.5, 0.0), (2**61, 0), (None, 1), (1, -1)]:
        for f in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b, lambda: a // b,
                  lambda: a % b, lambda: a < b, lambda: a << b, lambda: a >> b):
            try:
                r.append(f())
            except Exception as e:
                r.append(type(e).__name__ + ': ' + str(e))
    try:
        if Bad() < 1:
            pass
    except ValueError as e:
        r.append(str(e))
    try:
        if Bad():
            pass
    except ValueError as e:
        r.append(str(e))
    return r

xs = [1, 2.5, -3, 1e308, 1e-310, 0.0, -0.0, float('nan'), float('inf'), N(2), F(1.25), I(3), True, 2**70, 2**61-1]
print(mix(xs, len(xs)))
print(cmpbr([1, 2, 1.0, 2.5, -1, 2**53, 2**53+1, float(2**53), float('nan'), 0.0, -0.0, True, F(2.0), I(1), N(1)],
            [1, 2.0, 2**53+1, float('nan'), -0.0, 0, 5e-324, N(3)]))
print(tr([0, 1, -1, 0.0, -0.0, 1e-300, float('nan'), None, True, False, [], [1], '', 'a', N(0), N(1), 2**70, 0.5]))
print(errs())
s = 0
for k in range(100000):
    s = s + k * 3 - (k // 7) % 5
    s ^= k << 3
    s = s >> 1
print(s)
x = 0.1
for k in range(1000):
    x = x * 1.0001 + 1e-5 - x / 3.0
print(x)
