from enum import Enum, StrEnum, auto
class S(StrEnum):
    A = auto()
    B = 'bee'
print(repr(S.A), str(S.A), format(S.A), S.A == 'a')
class Str(str, Enum):
    A = 'aa'
print(repr(Str.A), str(Str.A), format(Str.A), f"{Str.A}", Str.A == 'aa', Str.A.upper())
