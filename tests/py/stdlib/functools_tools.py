from functools import (reduce, partial, lru_cache, cache, wraps, update_wrapper, cmp_to_key,
                       total_ordering, cached_property, singledispatch)
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print('TypeError', e)
p = partial(int, base=2); print(p('1010'), p.args, p.keywords, p.func is int)
add3 = partial(operator.add, 3); print(add3(4), partial(add3)(1), repr(partial(max, 1, key=abs)).startswith('functools.partial(<built-in function max>, 1, key='))

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())

@lru_cache(maxsize=2)
def sq(x):
    return x * x
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(sq.cache_info(), sq.__name__)

@lru_cache
def ident(x):
    return x
print(ident(3), ident(3), ident.cache_info())

@cache
def double(x):
    return 2 * x
print(double(4), double(4), double.cache_info())

def deco(f):
    @wraps(f)
    def inner(*a, **k):
        """inner doc"""
        return f(*a, **k)
    return inner

@deco
def hello(name):
    """Say hello."""
    return 'hello ' + name
print(hello('bob'), hello.__name__, hello.__doc__, hello.__wrapped__.__name__)

def mycmp(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 9, 1], key=cmp_to_key(lambda a, b: mycmp(b, a))))

@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(3) <= V(2))

class Circle:
    def __init__(self, r): self.r = r; self.calls = 0
    @cached_property
    def area(self):
        self.calls += 1
        return 3 * self.r * self.r
c = Circle(2); print(c.area, c.area, c.calls)

@singledispatch
def show(x):
    return 'object'
@show.register(int)
def _(x):
    return 'int'
@show.register(list)
def _(x):
    return 'list'
print(show(1), show([1]), show('s'), show(True))
