def describe(v):
    match v:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative"
        case [x, y]:
            return f"pair {x},{y}"
        case {"k": val}:
            return f"dict with k={val}"
        case str() | bytes():
            return "text"
        case _:
            return "other"
for v in (0, -3, [1, 2], {"k": 9}, "s", 4.5):
    print(describe(v))
