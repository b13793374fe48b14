"""Doc."""
from __future__ import annotations
import typing
x: int = 1
y: list[int | None]
z: dict[str, tuple[int, ...]] = {}
def f(a: int, b: "str" = "x", *args: typing.Any, c: Callable[[int], str], **kw: float) -> -1:
    v: int = 2
    return a
class C:
    attr: ClassVar[int] = 3
    other: a.b[1:2, ::3]
    w: a if x else not y and z or (a < b <= c)
    q: 2 ** -x ** 2 + (a - b) - (c - d) * ~e
    r: {1: 2, **d} | {*()} | {1, 2} | [x for x in y if x] | f(*a, k=1, **b)
