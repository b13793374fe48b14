class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __neg__(self):
        return V(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __bool__(self):
        return bool(self.x or self.y)
a, b = V(1, 2), V(3, 4)
print(a + b, a * 3, 3 * a, -a, abs(b))
print(sum([a, b]), a == V(1, 2), a != b, a < b, b > a, sorted([b, a]))
c = a
c += b
print(c, a, c is a, bool(V(0, 0)), bool(a))
try:
    a + 1
except TypeError as e:
    print(e)
try:
    hash(a)
except TypeError as e:
    print(e)
try:
    a <= b
except TypeError as e:
    print(e)
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * i
    def __contains__(self, x): return x == 42
s = Seq(4)
print(len(s), list(s), s[2], 42 in s, 3 in s, bool(Seq(0)))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), [x for x in It()])
class Call:
    def __call__(self, *a, **k): return (a, k)
print(Call()(1, 2, z=3), callable(Call()), callable(1))
class D:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
d = D(); d['a'] = 1; d['b'] = 2; del d['a']; print(d.d, d['b'])
class S:
    def __str__(self): return "str!"
    def __format__(self, spec): return "fmt:" + spec
print(S(), str(S()), f"{S():xy}", format(S(), "q"))
class H:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k)
    def __eq__(self, o): return self.k == o.k
print(len({H(1), H(1), H(2)}), {H(1): 5}[H(1)])
class I:
    def __index__(self): return 2
print([1,2,3][I()], "ab" * I(), bin(I()))
class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __round__(self, n=None): return 99
print(int(Num()), float(Num()), round(Num()))
