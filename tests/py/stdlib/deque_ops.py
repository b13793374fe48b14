from _collections import deque

d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft([9, 8]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d); d.rotate(); print(d)
print(d.count(1), d.index(2), 'a' in d, 7 in d)
d.insert(1, 'X'); print(d); d.insert(-1, 'Y'); print(d); d.insert(100, 'Z'); print(d)
d.remove('X'); print(d); d.reverse(); print(d)
del d[0]; d[1] = 'S'; print(d, list(reversed(d)))
m = deque(range(10), maxlen=3); print(m, m.maxlen); m.append(10); print(m); m.appendleft(0); print(m)
m.extend([5, 6]); print(m)
print(deque(), deque(maxlen=0), deque('abc', 2), deque().maxlen)
print(deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]), deque([1, 2]) + deque([3]), deque([1, 2]) * 2)
e = deque([1]); e += [2, 3]; print(e); e *= 2; print(e)
c = e.copy(); c.append(0); print(e, c, bool(deque()), bool(c))
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1]).remove(2), lambda: deque([1]).index(3), lambda: deque(maxlen=-1),
            lambda: deque([1], maxlen=1).insert(0, 2)]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
r = deque(); r.append(r); print(r)
d = deque(range(5))
try:
    for x in d:
        d.append(x)
except RuntimeError as ex:
    print('RuntimeError', ex)
d.clear(); print(d)
big = deque(range(100)); big.rotate(37); print(list(big)[:5]); big.rotate(-74); print(list(big)[:5])
print(type(d), deque.__module__)
