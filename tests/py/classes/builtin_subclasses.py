class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1); print(d['a'], d['zz'], d, len(d), isinstance(d, dict), type(d).__name__)
class Counter(dict):
    def __init__(self, items):
        super().__init__()
        for i in items: self[i] = self.get(i, 0) + 1
    def __setitem__(self, k, v):
        super().__setitem__(k, v)
c = Counter("abca"); print(c, c.attr if hasattr(c, 'attr') else 'noattr'); c.attr = 5; print(c.attr)
class L(list):
    def total(self): return sum(self)
    def append(self, x):
        super().append(x * 10)
l = L([1, 2, 3]); l.append(4); print(l, l.total(), len(l), l[0], l + [9], type(l + [9]).__name__)
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
    def __str__(self): return f"E{self.code}: {self.args[0]}"
try: raise E("bad", 7)
except E as e: print(e, e.code, e.args, repr(e))
class E2(ValueError): pass
try: raise E2("x", 1)
except ValueError as e: print(type(e).__name__, e, e.args)
class P(int):
    def double(self): return self * 2
p = P(21); print(p, p.double(), p + 1, type(p + 1).__name__, isinstance(p, int), P(), repr(p))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), type(Pos(-5)).__name__)
class S(str):
    def shout(self): return self.upper() + "!"
s = S("hi"); print(s.shout(), s + "x", len(s), s == "hi", {s: 1}["hi"]); s.tag = 1; print(s.tag)
class T(tuple):
    def __new__(cls, x, y): return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
t = T(1, 2); print(t, t.x, len(t), t == (1, 2), type(t).__name__)
class F(float): pass
print(F(1.5) + 1, F("2.5"))
class Stack(list):
    pass
st = Stack(); st.append(1); st.name = "s"; print(st, st.name)
