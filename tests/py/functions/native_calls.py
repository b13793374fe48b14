# Calls as compiled code makes them (rt_call's fast paths): bound methods through a variable,
# unbound method descriptors, builtins, keyword and default arguments, closures, global
# caches after rebinding, NameError, and the depth at which a RecursionError handler runs.
import sys

def add(a, b):
    return a + b

def default(a, b=10):
    return a + b

def star(*args, **kw):
    return (args, sorted(kw.items()))

class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def plus(self, k):
        return self.v + k

def use_globals():
    return len([1, 2]) + add(1, 2)

def calls():
    c = C(5)
    m = c.plus            # bound method called through a variable
    print(m(3), c.get(), c.plus(k=4))
    lst = []
    app = list.append     # method descriptor, unbound
    app(lst, 1)
    lst.append(2)
    print(lst)
    try:
        app((), 1)
    except TypeError as e:
        print("TypeError:", e)
    print(default(1), default(1, 2), default(a=3), star(1, 2, x=3))
    print(sorted([3, 1, 2], reverse=True), max(1, 5, 3), print is print)
    try:
        add(1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        add(1, 2, 3)
    except TypeError as e:
        print("TypeError:", e)

def make_closure(k):
    def inner(x):
        return x + k
    return inner

def rec(n):
    return rec(n + 1)

def globals_change():
    global len
    print(use_globals())
    len = lambda x: 100          # a global now shadows the builtin
    print(use_globals())
    del len
    print(use_globals())
    global add
    old = add
    add = lambda a, b: a * b
    print(use_globals())
    add = old
    print(use_globals())

def missing():
    return undefined_name

calls()
print(make_closure(3)(4))
globals_change()
try:
    missing()
except NameError as e:
    print("NameError:", e)
undefined_name = 7
print(missing())
try:
    rec(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(200)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) > 100)
sys.setrecursionlimit(1000)
print(depth(0))
sys.setrecursionlimit(300)
print(depth(0))
