class P:
    def __init__(self, v): self._v = v
    @property
    def v(self):
        "the v"
        return self._v
    @v.setter
    def v(self, x): self._v = x * 2
    @v.deleter
    def v(self): print("deleting"); del self._v
    @staticmethod
    def s(a, b): return a + b
    @classmethod
    def c(cls, x): return (cls.__name__, x)
p = P(1)
print(p.v); p.v = 5; print(p.v, p._v); del p.v; print(hasattr(p, '_v'))
print(P.s(1, 2), p.s(3, 4), P.c(1), p.c(2), P.v.__doc__)
class Q:
    @property
    def x(self): return 1
try: Q().x = 2
except AttributeError as e: print(e)
try: del Q().x
except AttributeError as e: print(e)
class R(P):
    @classmethod
    def c(cls, x): return super().c(x * 10)
print(R.c(1), R(3).v)
class Desc:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, typ=None):
        if obj is None: return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value): setattr(obj, self.name, value)
class U:
    f = Desc()
u = U(); print(u.f); u.f = 3; print(u.f, u.__dict__, type(U.f).__name__)
class NonData:
    def __get__(self, obj, typ): return "nd"
class W:
    g = NonData()
w = W(); print(w.g); w.g = "own"; print(w.g)
class GA:
    def __getattr__(self, n): return "missing " + n
g = GA(); g.real = 1; print(g.real, g.other)
class GAB:
    def __getattribute__(self, n):
        if n == "magic": return 42
        return object.__getattribute__(self, n)
gb = GAB(); gb.z = 1; print(gb.magic, gb.z)
try: gb.nope
except AttributeError as e: print(e)
class SA:
    def __setattr__(self, n, v):
        print("set", n, v)
        super().__setattr__(n, v.upper() if isinstance(v, str) else v)
    def __delattr__(self, n):
        print("del", n)
        object.__delattr__(self, n)
sa = SA(); sa.name = "bob"; print(sa.name); del sa.name; print(vars(sa))
class Sl:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
sl = Sl(); print(sl.a)
try: sl.b
except AttributeError as e: print(e)
try: sl.c = 1
except AttributeError as e: print(e)
print(hasattr(sl, '__dict__'))
class E: pass
e = E(); e.x = 1; e.y = 2
print(e.__dict__, vars(e)); e.__dict__['z'] = 3; print(e.z); del e.x; print(e.__dict__)
try: e.q
except AttributeError as ex: print(ex)
try: E.q
except AttributeError as ex: print(ex)
try: del e.q
except AttributeError as ex: print(ex)
E.cls_attr = 9; print(e.cls_attr, getattr(e, 'nope', 'dflt'))
setattr(e, 'dyn', 1); print(e.dyn); delattr(e, 'dyn'); print(hasattr(e, 'dyn'))
print(E.__name__, E.__qualname__, E.__module__, E.__doc__, E.__bases__, E.__dict__['__module__'])
class Doc:
    "docstring"
    class Inner: pass
print(Doc.__doc__, Doc.Inner, Doc.Inner.__qualname__, repr(Doc.Inner())[:24])
print(type(p).__name__, p.__class__, P.__class__, type(P))
