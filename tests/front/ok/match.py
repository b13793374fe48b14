match x:
    case 1:
        pass
    case -1 | 2 | 1.5 | -2j | 1+2j | -1-2j | "s" | b"b":
        pass
    case None | True | False:
        pass
    case a:
        pass
    case _:
        pass
    case a.b | a.b.c:
        pass
    case (a, b) | [a, b] | (a,) | [] | ():
        pass
    case [a, *rest] | [*_, b] | (*r,):
        pass
    case {1: a, "k": b, a.b: c, **rest}:
        pass
    case {}:
        pass
    case Point(1, y=2) | Point() | a.B(x, y) | P(a=1, b=2):
        pass
    case (a as b) | [a as b, c]:
        pass
    case a if a > 1:
        pass
    case 1, 2:
        pass
    case *a, b:
        pass
    case (a):
        pass
    case {"k": [1, 2, {"n": a}]}: pass
match a, b:
    case x, y: pass
match *a, b:
    case _: pass
match (x):
    case _: pass
match = 1
match.x = 2
match[1] = 3
match(a)
case = 2
_ = 3
print(match, case)
match -x:
    case _: pass
