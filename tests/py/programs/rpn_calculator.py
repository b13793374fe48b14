# A reverse-Polish calculator with error handling, driven by a list of programs.
def evaluate(expr):
    stack = []
    ops = {
        "+": lambda a, b: a + b,
        "-": lambda a, b: a - b,
        "*": lambda a, b: a * b,
        "/": lambda a, b: a / b,
        "//": lambda a, b: a // b,
        "%": lambda a, b: a % b,
        "**": lambda a, b: a ** b,
    }
    for tok in expr.split():
        if tok in ops:
            if len(stack) < 2:
                raise ValueError(f"stack underflow at {tok!r}")
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[tok](a, b))
        elif tok == "dup":
            stack.append(stack[-1])
        elif tok == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        else:
            try:
                stack.append(int(tok))
            except ValueError:
                stack.append(float(tok))
    if len(stack) != 1:
        raise ValueError(f"expected one result, stack is {stack}")
    return stack[0]

programs = ["3 4 +", "5 1 2 + 4 * + 3 -", "2 100 **", "7 2 /", "-7 2 //", "1.5 dup *", "1 0 /",
            "1 +", "1 2", "2 0.5 **", "10 3 swap -", "abc", "17 5 %"]
for p in programs:
    try:
        print(f"{p!r:>22} => {evaluate(p)!r}")
    except ZeroDivisionError as e:
        print(f"{p!r:>22} => ZeroDivisionError: {e}")
    except (ValueError, IndexError) as e:
        print(f"{p!r:>22} => {type(e).__name__}: {e}")
