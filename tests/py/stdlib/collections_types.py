from collections import Counter, defaultdict, OrderedDict, namedtuple, deque, ChainMap

c = Counter('abracadabra')
print(c, c.most_common(2), c['z'], sorted(c.elements()))
c.update('aaz'); c.subtract({'b': 5}); print(c, c.total())
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), -Counter(a=-2, b=3), +Counter(a=-2, b=3))
print(Counter(), Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter('aab').most_common(), repr(Counter({'x': 0})))
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(3))
d = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    d[k].append(v)
print(d, d['zz'], len(d))
print(defaultdict(int), defaultdict(None, {1: 2}), defaultdict(lambda: 5)['q'] if False else defaultdict(int, a=1))
try:
    defaultdict()['x']
except KeyError as e:
    print('KeyError', e)
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
od.move_to_end('a'); print(od); od.move_to_end('c', last=False); print(od)
print(od.popitem(), od.popitem(last=False), od, OrderedDict())
print(OrderedDict(a=1) == OrderedDict(a=1), list(reversed(OrderedDict(x=1, y=2))))
P = namedtuple('Point', ['x', 'y'])
p = P(1, y=2)
print(p, p.x + p.y, p[0], P._fields, p._asdict(), p._replace(x=10), P._make([5, 6]))
x, y = p; print(x, y, p == (1, 2), isinstance(p, tuple), len(p))
Q = namedtuple('Q', 'a b c', defaults=[0, 1])
print(Q(5), Q(1, 2, 3), Q._field_defaults)
try:
    P(1)
except TypeError as e:
    print('TypeError', e)
try:
    namedtuple('Bad', ['x', 'x'])
except ValueError as e:
    print('ValueError', e)
R = namedtuple('R', 'a, def, _b', rename=True); print(R._fields)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), 'b' in cm, cm)
print(deque([1, 2, 3], maxlen=5))
