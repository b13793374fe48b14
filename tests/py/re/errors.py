import re
for p in ['(a(b', '(a', 'a)', '[abc', '*', 'a**', r'\q', r'(a)\2', r'(?P=x)', '(?P<1a>x)', r'(?<=a+)b', '[z-a]', 'a(?i)b', '(?<n>a)', 'a{2,1}', '(?P<a>x)(?P<a>y)', r'(a\1)', '(?', '(?z)', 'x\n(', r'\x4', r'\u12', '(?P<a', '+a', 'a|*', '(*)', '(?#abc', 'a{,3}', '[a-\\d]', '(?i)(?m)a', 'a|(?i)b', '^*', r'\b+', 'a*?+', 'a*+*', '(?P<name>a)(?P=name)', r'[\1]', r'\8', '(?:a)(?(1)b)', '(a)(?(1)b|c)', '(?(x)a)', r'\k<a>', r'\G', r'\z', '(?x) a b # c', '(?-i:a)', '(?i-i:a)', '(?a)x', '(?u)x']:
    try:
        c = re.compile(p); print(repr(p), 'ok', c.groups, c.flags)
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
print(re.compile('a', re.I|re.M), re.compile(b'a'), re.compile('(?i)a'), re.compile('a', re.A), re.compile('x'*300))
print(re.compile('(?i)a').flags, re.compile(b'a').flags)
print(type(re.compile('a')), re.error)
m = re.match('((a)b)', 'ab'); print(m.lastindex)
m = re.match('((a))', 'a'); print(m.lastindex)
m = re.match('(a)(b)?', 'a'); print(m.lastindex)
m = re.match('(?:(a)|(b))*', 'ab'); print(m.lastindex, m.groups())
m = re.match('(?:(a)|(b))*', 'ba'); print(m.lastindex, m.groups())
print(re.sub('a', lambda m: None, 'bab'))
try: re.sub('a', lambda m: 1, 'a')
except TypeError as e: print(e)
try: re.compile('(')
except re.error as e: print(type(e), e.args)
try:
    re.compile(')')
except Exception as e:
    print(repr(e.msg))
