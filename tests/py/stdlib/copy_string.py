import copy, string

a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(99); a[2]['k'].append(5)
print(a, b, c, b[1] is a[1], c[1] is a[1])
class P:
    def __init__(self, x, items): self.x = x; self.items = items
p = P(1, [1, 2]); q = copy.copy(p); r = copy.deepcopy(p)
p.items.append(3); print(q.x, q.items, r.items, type(r).__name__)
class C:
    def __copy__(self): return 'shallow!'
    def __deepcopy__(self, memo): return 'deep!'
print(copy.copy(C()), copy.deepcopy(C()), copy.deepcopy((1, 2)) == (1, 2))
rec = [1]; rec.append(rec); d = copy.deepcopy(rec); print(d[1] is d, d[0])
shared = [0]; pair = [shared, shared]; dp = copy.deepcopy(pair); print(dp[0] is dp[1])
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable))
print(string.capwords('hello   world  foo'), string.capwords('a-b-c', '-'))
t = string.Template('$who likes ${what}, costs $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'))
try:
    t.substitute(who='a')
except KeyError as e:
    print('KeyError', e)
