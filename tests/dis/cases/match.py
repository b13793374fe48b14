def f(x):
    match x:
        case 1 | 2:
            return "small"
        case [a, b, *rest]:
            return a
        case {"k": v, **kw}:
            return v
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case (p, q) | [q, p]:
            return p
        case str() as s:
            return s
        case [first, *_, last]:
            return last
        case None:
            pass
        case -1:
            pass
        case {}:
            pass
        case _:
            return None
match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(1, 2):
        pass
    case _ if cond:
        pass
