# Class calls whose __init__ the interpreter runs in its own loop (object.__new__ + a Python
# __init__), attribute-adding stores cached by shape transition, and methods of __slots__
# classes cached by type: each case where the cached guess must not apply.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


ps = [P(i, i * 2) for i in range(5)]
print([(p.x, p.y) for p in ps])


class Bad:
    def __init__(self):
        return 3


for _ in range(2):
    try:
        Bad()
    except TypeError as e:
        print("TypeError:", e)


class Raises:
    def __init__(self, n):
        if n > 1:
            raise ValueError("n=%d" % n)
        self.n = n


for n in range(4):
    try:
        print(Raises(n).n)
    except ValueError as e:
        print("ValueError:", e)


def make(n):
    return P(n, -n)


for i in range(2):
    if i == 1:
        def init2(self, x, y):
            self.x = x * 10
            self.y = y * 10
        P.__init__ = init2
    print((make(i).x, make(i).y))


class N:
    def __init__(self, x):
        self.x = x


def make_n(x):
    return N(x)


for i in range(3):
    if i == 1:
        N.__new__ = lambda cls, x: "not an N"
    print(make_n(i) if i else make_n(i).x)


class Q(P):
    pass


print([(q.x, q.y) for q in [Q(1, 2), Q(3, 4)]])
try:
    P(1)
except TypeError as e:
    print("TypeError:", e)
try:
    P(1, y=2, z=3)
except TypeError as e:
    print("TypeError:", e)
print(P(1, y=5).y)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


try:
    Deep(5000)
except RecursionError:
    print("RecursionError")
d = Deep(50)
print(d.child.child is not None)


class Grow:
    def __init__(self, k):
        self.a = k
        self.b = k
        self.c = k
        self.d = k
        self.e = k
        self.f = k


for k in range(4):
    g = Grow(k)
    if k == 2:
        del g.c
        g.z = 1
    print(sorted(vars(g).items()))


class Obj:
    pass


for k in range(4):
    o = Obj()
    if k == 2:
        o.__dict__ = {"q": 1}
    o.a = k
    o.b = k + 1
    print(sorted(vars(o).items()))
    if k == 2:
        Obj.b = property(lambda self: "prop", lambda self, v: print("set b", v))


class S:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


for k in range(4):
    s = S(k)
    if k == 2:
        S.get = lambda self: -self.v
    print(s.get())
