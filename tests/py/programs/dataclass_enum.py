# dataclasses, enum and typing annotations together: a task tracker with priorities and states.
from __future__ import annotations

import enum
from dataclasses import dataclass, field, asdict, astuple, replace, fields
from enum import Enum, IntEnum, auto, Flag
from typing import ClassVar, Dict, List, Optional, Tuple, Union


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    URGENT = 4


class State(Enum):
    TODO = auto()
    DOING = auto()
    BLOCKED = auto()
    DONE = auto()

    def is_open(self) -> bool:
        return self is not State.DONE

    @classmethod
    def parse(cls, text: str) -> "State":
        return cls[text.upper()]


class Color(Enum):
    RED = "r"
    GREEN = "g"
    CRIMSON = "r"  # alias of RED


class Perm(Flag):
    R = 4
    W = 2
    X = 1


@dataclass
class Tag:
    name: str
    color: Color = Color.GREEN


@dataclass(order=True)
class Task:
    sort_key: Tuple[int, int] = field(init=False, repr=False)
    title: str = field(compare=False)
    priority: Priority = field(default=Priority.MEDIUM, compare=False)
    state: State = field(default=State.TODO, compare=False)
    tags: List[Tag] = field(default_factory=list, compare=False)
    estimate: Optional[float] = field(default=None, compare=False)
    ident: int = field(default=0, compare=False)

    counter: ClassVar[int] = 0

    def __post_init__(self) -> None:
        Task.counter += 1
        if not self.ident:
            self.ident = Task.counter
        self.sort_key = (-int(self.priority), self.ident)

    def advance(self) -> State:
        order = list(State)
        i = order.index(self.state)
        if self.state is not State.DONE:
            self.state = order[i + 1] if order[i + 1] is not State.BLOCKED else State.DONE
        return self.state


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

    def __add__(self, other: Point) -> Point:
        return Point(self.x + other.x, self.y + other.y)


def summarize(tasks: List[Task]) -> Dict[str, Union[int, float]]:
    out: Dict[str, Union[int, float]] = {}
    for st in State:
        out[st.name.lower()] = sum(1 for t in tasks if t.state is st)
    out["hours"] = sum(t.estimate or 0 for t in tasks)
    return out


print(list(Priority), Priority.HIGH, repr(Priority.HIGH), Priority(2), Priority["LOW"])
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, Priority.URGENT == 4, int(Priority.MEDIUM))
print(sorted([Priority.HIGH, Priority.LOW, 2]), max(Priority).name)
print(list(State), State.DOING, repr(State.DOING), State.DOING.value, State(3))
print(State.parse("done"), State.TODO.is_open(), State.DONE.is_open(), len(State))
print(State.TODO == State.TODO, State.TODO is State["TODO"], State.TODO == 1, isinstance(State.TODO, State))
print(list(Color), Color.CRIMSON, Color.CRIMSON is Color.RED, Color("g"), Color.__members__.keys())
print({State.TODO: "t", State.DONE: "d"}[State.DONE], hash(State.TODO) == hash(State.TODO))
for member in Priority:
    print(f"  {member.name:<7}{member.value:>2} {member:>4}")
try:
    State(99)
except ValueError as e:
    print("ValueError:", e)
try:
    Priority["NONE"]
except KeyError as e:
    print("KeyError:", e)
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.X & rw), rw.value, Perm(7))
print(type(Priority.LOW), isinstance(Priority.LOW, int), issubclass(State, enum.Enum))

tasks = [
    Task("write tests", Priority.HIGH, estimate=3.5, tags=[Tag("qa"), Tag("ci", Color.RED)]),
    Task("fix bug", Priority.URGENT, estimate=1.0),
    Task("refactor", Priority.LOW),
    Task("docs", estimate=2.0, tags=[Tag("writing")]),
    Task("release", Priority.HIGH, State.BLOCKED),
]
for t in tasks:
    print(t)
print("sorted:", [t.title for t in sorted(tasks)])
print("by priority then title:", [t.title for t in sorted(tasks, key=lambda t: (t.priority, t.title))])
print(tasks[0] == Task("write tests", Priority.HIGH, ident=1), tasks[0] < tasks[1], tasks[1] < tasks[0])
for _ in range(2):
    for t in tasks[:3]:
        t.advance()
print([(t.title, t.state.name) for t in tasks])
print(summarize(tasks))
print(asdict(tasks[0]))
print(astuple(Tag("x")))
print([f.name for f in fields(Task)], Task.counter)
t2 = replace(tasks[3], title="more docs", ident=99)
print(t2.title, t2.ident, t2.estimate, t2.tags is tasks[3].tags, t2.sort_key)
print(Task.__annotations__["priority"], Point.__annotations__)

p = Point(1, 2) + Point(3)
print(p, p == Point(4, 2), hash(p) == hash(Point(4, 2)), {p, Point(4, 2)})
try:
    p.x = 10
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
print(Tag("a") == Tag("a"), Tag("a") == Tag("a", Color.RED), Tag("a") != Tag("b"))
