import operator as op
from operator import itemgetter, attrgetter, methodcaller

print(op.add(2, 3), op.sub(5, 7), op.mul('ab', 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 10), op.lshift(1, 5), op.rshift(64, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.neg(5), op.pos(-5), op.inv(5), op.invert(0), op.not_(0), op.truth([]), op.abs(-3.5), op.index(7))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne('a', 'a'), op.gt(3, 1), op.ge(1, 3))
print(op.is_(None, None), op.is_not(1, None), op.contains([1, 2], 2), op.countOf([1, 2, 1, 1], 1), op.indexOf('abc', 'c'))
print(op.concat([1], [2]), op.concat('a', 'b'), op.getitem({'k': 4}, 'k'), op.getitem([1, 2, 3], slice(1, None)))
l = [1, 2, 3]
op.setitem(l, 0, 9); op.delitem(l, 1); print(l)
a = [1]; b = op.iadd(a, [2]); print(a, b is a, op.iadd(1, 2), op.imul([0], 3), op.ior({1}, {2}))
print(op.__add__(1, 2), op.__not__(1), op.__and__(6, 3), op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(5, 7))
g = itemgetter(1); print(g([10, 20]), g('xyz'), repr(g))
g = itemgetter(0, 2, -1); print(g('abcdef'), repr(g))
print(sorted([('b', 2), ('a', 3), ('c', 1)], key=itemgetter(1)))
print(repr(attrgetter('real')), attrgetter('real', 'imag')(3 + 4j), attrgetter('imag.real')(2j))
m = methodcaller('split', ',', maxsplit=1); print(m('a,b,c'), repr(m), repr(methodcaller('upper')))
print(methodcaller('replace', 'a', 'o')('banana'))
for f, args in [(op.add, (1,)), (op.concat, (1, 2)), (op.indexOf, ([1], 5)), (op.add, (1, 'a'))]:
    try:
        f(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(op.call(max, 1, 5, 2))
