import re
from re import sub, findall, IGNORECASE
print(sub('a', 'b', 'aa'), findall('A', 'aA', IGNORECASE))
print(re.compile('^a').search('ba', 1), re.compile('a').match('ba', 1), re.compile(r'(?<=b)a').search('ba', 1), re.compile('a$').search('ab', 0, 1))
print(re.findall('(?i:a)b', 'ab AB Ab aB'), re.findall('a(?-i:b)', 'ab AB Ab aB', re.I))
print(re.findall('''(?x)
    \\d+ # digits
    [ ]  # a space
''', '12 34 5'))
d = {re.compile('a'): 1}
print(d[re.compile('a')])
for t in [r'\g<2>', r'\g<x>', r'\g<', r'\g<1', r'\g<>', r'\g<-1>', r'\q', '\\', r'\400', r'\g<a-b>']:
    try:
        print(repr(re.sub('(?P<a>a)', t, 'a')))
    except (re.error, IndexError) as e:
        print(e.__class__ is IndexError, e)
print(re.sub('(a)', r'\g<1>0', 'a'), re.sub('(a)', r'\01', 'a') == '\x01', re.sub('(a)', r'\&', 'a'))
print(re.match(r'(?P<first>\w+)\s(?P<first2>\w+)', 'ab cd').expand(r'\g<first2> \1'))
print(repr(re.compile(r'\n\t "quoted" \'s\'')), re.compile('é'), re.compile(b'\xff'))
print(re.compile('a', re.S|re.X|re.A), re.compile(b'a', re.L))
print(re.I.value, int(re.M), re.S == 16, re.X | re.S, re.DOTALL & re.S)
try:
    re.compile('a', re.L)
except ValueError as e:
    print(e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print(e)
print(re.compile(re.compile('a')))
m = re.match(r'(\d+)\.(\d+)', '24.1632')
print(m.groups(), m.regs, m.span(1), m.start(0))
print(re.search(r'\d', 'abc') or 'nomatch')
if m: print('truthy')
print(re.findall(r'[\d\s]+', '12 34 x 5'), re.findall(r'[^\W\d]+', 'ab12cd_e'), re.findall(r'[\S]+', 'a b'))
print(re.findall(r'(?:ab)+', 'ababab ab'), re.findall(r'(ab)+', 'ababab ab'))
print(re.sub(r'(?m)^\s+', '', '  a\n   b\n c'))
print(re.match('(a)|(b)', 'b').lastindex, re.match('(a)|(b)', 'b').lastgroup, re.match(r'(?P<n>a)', 'a').lastgroup)
print(re.findall(r'\bfoo\b', 'foo foobar barfoo foo.'))
print(re.sub(r'\s+$', '', 'abc   \n'), repr(re.sub(r'^\s+|\s+$', '', '  hi  ')))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'), re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.findall('.', 'a\u0300b'), len(re.findall(r'\w', 'a\u0300b')))
tokens = re.compile(r'\s*(?:(\d+)|(\w+)|(.))')
print([t.groups() for t in tokens.finditer('x = 12 + y3')])
print(re.compile(r'(?P<key>\w+)=(?P<val>\w+)').groupindex)
print(re.purge())
it = re.finditer('a', 'aa')
print(next(it), next(it))
try: next(it)
except StopIteration: print('stop')
print(re.search(r'(a)(?P<x>b)?', 'a').groupdict(), re.search('x*', 'aaa'))
print(re.fullmatch('', ''), re.match('', 'abc', ), re.search('$', 'abc'))
