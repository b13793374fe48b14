# Calls of module-level functions by name: compiled code calls them directly (and inlines the
# small side-effect-free ones) behind a guard that the name still holds the function. Rebinding
# the name, from anywhere, must be seen; errors inside must surface as from a normal call.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def area(w, h):
    return w * h


def ratio(a, b):
    return a / b


def poly(x):
    return 3 * x * x + 2 * x + 1


def twice(x):
    return area(x, 2)


def loop_area(n):
    t = 0
    for i in range(n):
        t += area(i, i + 1)
    return t


def loop_ratio(n):
    s = 0.0
    for i in range(1, n):
        s += ratio(1.0, i)
    return s


print(fib(20))
print(loop_area(100), loop_ratio(50))
print(area(3, 4), area(2.5, 2), area("ab", 3), area([1], 2))
print(twice(21), poly(5), poly(2.5))

# big ints: the inlined int arithmetic overflows 62 bits and the call runs again in full
big = 1 << 61
print(loop_area(3), area(big, big), poly(big))
for k in range(3):
    print(area(big + k, 3 - k))


# errors raised inside an inlined function come from the call, with the callee's frame
def divide_all(n):
    out = []
    for i in range(n):
        try:
            out.append(ratio(10.0, 2 - i))
        except ZeroDivisionError as e:
            out.append(str(e))
    return out


print(divide_all(4))
try:
    ratio(1, 0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("caught", e, lines)


# rebinding the global: by assignment through globals(), and through the module object
def use_area():
    return area(6, 7)


print(use_area())
saved = area
globals()["area"] = lambda w, h: w + h
print(use_area(), loop_area(5))
setattr(sys.modules[__name__], "area", lambda w, h: w - h)
print(use_area(), loop_area(5))
area = saved
print(use_area(), loop_area(5))


# a name bound twice is not taken for the first function
def g(x):
    return x + 1


def call_g(x):
    return g(x)


print(call_g(1))


def g(x):
    return x + 2


print(call_g(1))


# a name rebound by a `global` statement elsewhere
def h(x):
    return x * 10


def rebind_h():
    global h
    h = lambda x: -x


def call_h(x):
    return h(x)


print(call_h(3))
rebind_h()
print(call_h(3))


# arguments that do not match the parameters go the generic way
def opt(a, b=5):
    return a + b


def call_opt():
    return opt(1), opt(1, 2), opt(b=3, a=4)


print(call_opt())


# deep recursion through direct calls still stops at the recursion limit
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


print(down(500))
try:
    down(100000)
except RecursionError as e:
    print("RecursionError:", e)
print(down(10))


# side effects in the callee: called, never inlined, each call's effect seen once
count = [0]


def bump(k):
    count[0] += k
    return count[0]


def bumps(n):
    t = 0
    for i in range(n):
        t += bump(i)
    return t


print(bumps(10), count)
