a = b if c else d
a = lambda: 0
a = lambda x, /, y=1, *args, z, w=2, **kw: x
a = lambda *, k: k
a = lambda *a, **k: 0
a = not b and c or d and not e
a = b < c <= d == e != f > g >= h is i is not j in k not in l
a = -b + +c - ~d ** -e ** f
a = b | c ^ d & e << f >> g + h - i * j / k // l % m @ n
a = b.c.d[e][f:g][h:i:j][::][k, l][m:n, o][...][*p]
a = f(b)(c)(*d, **e)(g=h, *i, **j)
a = [b, *c, d]
a = (b, *c, d)
a = {b, *c}
a = {b: c, **d, e: f}
a = {}
a = ()
a = (b)
a = (b,)
a = [x for x in y if x if z for w in x]
a = {x for x in y}
a = {x: y for x, y in z}
a = (x for x in y)
a = f(x for x in y)
a = [x async for x in y]
a = (yield)
a = (yield b)
a = (yield from b)
a = await b
a = (b := 1)
a = [y := 1, y ** 2]
a = f(x := 1)
a = b[c:=1]
a = *b, c
a = b,
print(*a, sep='', end='\n', **k)
a = b if c else d if e else f
a = lambda: (yield)
a = x[1:2, ::3]
a = x[()]
a = x[a,]
