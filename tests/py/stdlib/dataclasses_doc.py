# The generated __doc__ is the signature (needs writable type __doc__ in the runtime).
from dataclasses import dataclass, field, KW_ONLY


@dataclass
class Point:
    x: int
    y: float = 0.0
    tags: list = field(default_factory=list)
    _: KW_ONLY
    label: str = 'p'


@dataclass
class Documented:
    """Own docstring."""
    a: int


print(Point.__doc__)
print(Documented.__doc__)
