# Counted range loops in compiled code (the counter in registers, no iterator object): every
# exit from inside the loop must hand the interpreter an iterator at the right place.


def overflow(n):
    # an int leaves 62 bits in the body: deopt mid-loop, the interpreter finishes the loop
    x = 1
    seen = []
    i = None
    for i in range(n):
        x = x * 1000 + i
        seen.append(i)
    return x % 1000003, len(seen), seen[-3:], i


def index_error_in_try(lst, n):
    total = 0
    for i in range(n):
        try:
            total += lst[i]
        except IndexError:
            total += 1000
    return total, i


def raise_in_try_continue(n):
    out = []
    for i in range(0, n, 3):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        except ValueError as e:
            out.append(-e.args[0])
            continue
        out.append("x")
    return out


def break_else(n, stop_at):
    for i in range(n):
        if i == stop_at:
            break
    else:
        return "else", i
    return "break", i


def steps(a, b, c):
    s = []
    for i in range(a, b, c):
        s.append(i)
    return s


def var_step_deopt(a, b, c):
    s = 0
    for i in range(a, b, c):
        s = s * 3 + i  # overflows after a while
    return s % 999983


def empty(n):
    c = 0
    i = "unset"
    for i in range(n):
        c += 1
    return c, i


def nested(n):
    acc = 0
    res = []
    for i in range(n):
        for j in range(i, -1, -2):
            acc = acc * 7 + j  # overflows inside the inner loop
        res.append(acc % 101)
    return res, i, j


def rebind(n):
    out = []
    for i in range(n):
        out.append(i)
        i = 100  # does not disturb the loop
    return out


def mixed_types(n):
    x = 0
    for i in range(n):
        if i == n // 2:
            x = x + 0.5  # x becomes a float: a guard fails
        x = x + i
    return x


def returns_inside(n, k):
    for i in range(1, n):
        if i * i > k:
            return i
    return -1


def deopt_then_break(n):
    x = 1
    for i in range(n):
        x = x << 7
        if i == 12:
            break
    return x.bit_length(), i


def error_outside_try(n):
    d = {}
    for i in range(n):
        d[i] = 10 // (5 - i)
    return d


for f, args in [(overflow, (30,)), (overflow, (3,)), (overflow, (0,))]:
    print(f.__name__, f(*args))
print(index_error_in_try([1, 2, 3], 6), index_error_in_try([], 2))
print(raise_in_try_continue(20))
print(break_else(10, 4), break_else(10, 40), break_else(0, 0) if False else None)
print(steps(10, 0, -3), steps(0, 10, 3), steps(5, 5, 1), steps(5, 0, 1), steps(-5, -20, -4))
print(steps(3, -3, -1), steps(-(2**60), -(2**60) + 10, 4), steps(2**60, 2**60 - 7, -2))
for c in (1, -1, 2, -3):
    print(var_step_deopt(-40 if c < 0 else 0, 40 if c > 0 else -40, c) if c > 0
          else var_step_deopt(40, -40, c))
print(empty(0), empty(-5), empty(3))
print(nested(6))
print(rebind(4))
print(mixed_types(6))
print(returns_inside(100, 50), returns_inside(3, 50))
print(deopt_then_break(40), deopt_then_break(5))
try:
    steps(0, 10, 0)
except ValueError as e:
    print("ValueError", e)
try:
    steps(0, 2.5, 1)
except TypeError as e:
    print("TypeError", e)
try:
    print(error_outside_try(8))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
# bounds past 62 bits: not inline ints, the guards send the loop to the interpreter
print(steps(2**62 - 2, 2**62 + 2, 1), steps(2**63, 2**63 + 9, 4), steps(2**61 - 3, 2**61 + 1, 1))
print(steps(-(2**61) + 2, -(2**61) - 3, -1))
