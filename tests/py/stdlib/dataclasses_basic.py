from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, InitVar, KW_ONLY, is_dataclass, make_dataclass, MISSING
import dataclasses
from typing import ClassVar, List

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p != Point(1, 3), p == (1, 2))
print(Point.__match_args__, Point.__hash__)
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {'x': 2}), ((1,), {'q': 2}), ((), {'y': 1})]:
    try: Point(*args, **kw)
    except TypeError as e: print(e)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()
v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, v1 >= v2, sorted([v2, v1]), hash(v1) == hash(Version(1, 2)), {v1: 1}[Version(1, 2)])
try: v1.major = 3
except FrozenInstanceError as e: print(type(e).__name__, e, isinstance(e, AttributeError))
try: del v1.minor
except FrozenInstanceError as e: print(e)
try: v1 < (1, 2)
except TypeError as e: print(e)

@dataclass
class Inv:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', compare=False)
    total: float = field(init=False, default=0.0)
    kind: ClassVar[str] = 'inventory'
    def __post_init__(self):
        self.total = len(self.items) * 1.5
i = Inv('a', [1, 2])
print(i, i.total, Inv.kind, [f.name for f in fields(i)], Inv('a', [1,2], secret='x') == i)
print(asdict(i), astuple(i))
print(replace(i, name='b'))
try: replace(i, total=1)
except ValueError as e: print(e)

try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e: print(e)
try:
    @dataclass
    class Bad2:
        x: list = []
except ValueError as e: print(e)
try: field(default=1, default_factory=list)
except ValueError as e: print(e)

@dataclass
class Node:
    val: int
    children: List['Node'] = field(default_factory=list)
n = Node(1, [Node(2), Node(3, [Node(4)])])
print(n)
print(asdict(n))

@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)
    def __post_init__(self, scale):
        self.b = self.a * scale
w = WithInit(3); print(w, WithInit(3, 5), [f.name for f in fields(w)])

@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int
print(KW(1, c=3), KW.__match_args__)
try: KW(1, 2, 3)
except TypeError as e: print(e)
try: KW(1)
except TypeError as e: print(e)

@dataclass(kw_only=True)
class K2:
    x: int
    y: int = 2
print(K2(x=1))

@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Derived(Base):
    z: int = 5
    x: int = 10
print(Derived(), Derived(1, 2, 3), fields(Derived)[0].name)

@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default_factory=list, hash=False)
print(hash(H(1)) == hash(H(1, [2])))
@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), NE.__hash__ is object.__hash__)
@dataclass
class E2:
    a: int
print(E2.__hash__)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(3))
try: fields(3)
except TypeError as e: print(e)
try: asdict(Point)
except TypeError as e: print(e)
C = make_dataclass('C', ['a', ('b', int), ('c', int, field(default=3))])
print(C(1, 2), C(1, 2).c)
@dataclass
class R:
    me: object = None
r = R(); r.me = r; print(r)
print(repr(MISSING)[:30])
try:
    @dataclass(order=True, eq=False)
    class O: pass
except ValueError as e: print(e)
try:
    @dataclass(frozen=True)
    class F1(Point): pass
except TypeError as e: print(e)
@dataclass
class Empty: pass
print(Empty(), Empty() == Empty())
match Point(1, 2):
    case Point(1, y): print("matched", y)
@dataclass
class Outer:
    @dataclass
    class Inner:
        v: int
    i: 'Outer.Inner'
print(Outer(Outer.Inner(1)))
print(dataclasses.fields(Version)[0].type)
print(Point.__init__.__qualname__)
