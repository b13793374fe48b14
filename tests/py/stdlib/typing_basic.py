from typing import (Any, List, Dict, Set, Tuple, Optional, Union, Callable, Iterable, Iterator,
                    Sequence, Mapping, TypeVar, Generic, Protocol, NamedTuple, TypedDict, cast,
                    overload, TYPE_CHECKING, ClassVar, Final, Literal, Type, FrozenSet,
                    DefaultDict, get_type_hints, get_origin, get_args, NewType, Annotated,
                    NoReturn, Deque, Counter, final, AnyStr, Text)
import typing
print(TYPE_CHECKING, Any, List, Dict, Optional, Union, Callable, Iterable, ClassVar, Literal)
print(List[int], Dict[str, int], Set[float], Tuple[int, ...], Tuple[int, str], Tuple[()])
print(Optional[int], Union[int, str], Union[int, None, str], Union[int], Union[int, Union[str, float]])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(Iterable[int], Iterator[str], Sequence[List[int]], Mapping[str, Any], Type[int], FrozenSet[int])
print(ClassVar[int], Final[str], Literal['a', 1], Literal[True], Annotated[int, 'meta'], NoReturn)
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], List[int] == List[int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]) is Union, get_args(Callable[[int], str]))
print(get_origin(int), get_args(int), get_origin(list[int]), get_args(dict[str, int]))
T = TypeVar('T')
K = TypeVar('K', bound=int)
S = TypeVar('S', str, bytes)
Tco = TypeVar('Tco', covariant=True)
print(T, K, S, Tco, T.__name__, S.__constraints__, K.__bound__, AnyStr)
print(List[T], Dict[str, T], Dict[K, T][int, str])
class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack()
s.push(1); s.push(2)
print(s.pop(), s.items, Stack[int]().items)
class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = 'p'
    def dist(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = Point(3, 4)
print(p, p.dist(), p._fields, p._field_defaults, Point._make([1, 2, 'q']), p._replace(x=0), p._asdict())
print(Point.__annotations__, isinstance(p, tuple), p[0], len(p))
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e: print(e)
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1))
class Movie(TypedDict):
    title: str
    year: int
m = Movie(title='Blade', year=1982)
print(m, type(m), Movie.__annotations__, sorted(Movie.__required_keys__), Movie.__total__)
class Partial(TypedDict, total=False):
    a: int
print(sorted(Partial.__optional_keys__), Partial(a=1))
M2 = TypedDict('M2', {'a': int})
print(M2(a=2))
print(cast(int, '3'), cast('List[int]', [1]))
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2
print(f(2), f('a'))
UserId = NewType('UserId', int)
print(UserId(5), UserId)
class Shape(Protocol):
    def area(self) -> float: ...
class Sq:
    def area(self): return 4.0
print(Sq().area())
try: Shape()
except TypeError as e: print(e)
class Impl(Shape):
    def area(self): return 1.0
print(Impl().area())
def g(a: int, b: 'str' = 'x') -> Optional[int]:
    return None
print(get_type_hints(g))
class C:
    x: int
    y: 'List[int]'
    z: ClassVar[int] = 3
print(get_type_hints(C))
try: List()
except TypeError as e: print(e)
print(Deque[int], Counter[str], DefaultDict[str, int], Text, typing.Hashable, typing.Sized)
def h(x: List[int], *, y: Dict[str, 'C']) -> None: pass
print(h.__annotations__)
@final
class Fin: pass
print(Fin.__final__)
try: Union[()]
except TypeError as e: print(e)
print(Optional[Union[int, str]], List['C'], Dict[str, List[Tuple[int, ...]]])
try: List[int, str]
except TypeError as e: print(e)
