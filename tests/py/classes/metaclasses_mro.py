class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns['added'] = name.lower()
        cls = super().__new__(mcs, name, bases, ns)
        print("Meta.__new__", name, sorted(kw))
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.inited = True
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
    def hello(cls): return "hello " + cls.__name__
class Base(metaclass=Meta):
    def __init__(self, v=0): self.v = v
class Child(Base, flag=1):
    pass
c = Child(5)
print(c.v, Child.added, Child.inited, Child.hello(), type(Child), isinstance(Child, Meta))
T = type("T", (Base,), {"z": 1, "m": lambda self: self.z + 1})
print(T, T().m(), T.__mro__)
X = type("X", (), {})
print(X, X.__bases__, type(X()))
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
try:
    class Bad(A, B): pass
except TypeError as e: print(e)
try:
    class Bad2(int, str): pass
except TypeError as e: print(e)
try:
    class Bad3(bool): pass
except TypeError as e: print(e)
class Reg:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Reg.registry.append(cls.__name__)
class R1(Reg, tag="one"): pass
class R2(R1): pass
print(Reg.registry, R1.tag, R2.tag)
class G:
    def __class_getitem__(cls, item): return f"G[{item}]"
print(G[int], list[int])
print(issubclass(D, A), issubclass(D, (int, C)), isinstance(D(), (B, int)), issubclass(bool, int))
class Sing:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, x): self.x = x
s1 = Sing(1); s2 = Sing(2); print(s1 is s2, s1.x)
class NoInit:
    pass
try: NoInit(1)
except TypeError as e: print(e)
class TwoArgs:
    def __init__(self, a): pass
try: TwoArgs(1, 2)
except TypeError as e: print(e)
class RetInit:
    def __init__(self): return 5
try: RetInit()
except TypeError as e: print(e)
def deco(cls):
    cls.decorated = True
    return cls
@deco
class Dd: pass
print(Dd.decorated)
class WithClassVar:
    count = 0
    def __init__(self):
        WithClassVar.count += 1
        type(self).count += 0
for _ in range(3): WithClassVar()
print(WithClassVar.count)
