# str patterns work on code points (UTF-8 offsets inside are converted back); bytes patterns on bytes.
import re
s = 'añb€c𝄞d'
print([(m.start(), m.end(), m.group()) for m in re.finditer('.', s)])
print(re.search('€(.)', s).span(1), re.sub('(.)', r'\1|', s), re.split('€', s))
print(re.findall(r'\w+', 'héllo wörld ñ 日本語 ελληνικά'), re.search('ö', 'héllo wörld').span())
print(re.findall(r'\w+', 'héllo wörld', re.ASCII), re.findall(r'\d', '١٢3'), re.findall(r'\d', '١٢3', re.A))
print(re.findall(r'(?i)ΣΊΣΥΦΟΣ', 'σίσυφος ΣΊΣΥΦΟΣ'), re.findall('(?i)é', 'É é'))
print(re.sub('é', 'E', 'café olé'), re.split(r'\s+', 'α β  γ'), re.subn('[αβ]', '-', 'αβγ'))
print(re.findall(r'[à-ÿ]+', 'abcàéÿz'), re.findall('[€-€]', 'a€b'), re.findall('\u20ac', 'x€'))
print(re.match(r'(\w)(\w)', 'ñandú').groups(), re.match(r'\w+', 'ñandú').end())
t = 'x' * 5 + 'é' + 'y' * 5
p = re.compile('y+')
print(p.search(t), p.search(t, 7), p.search(t, 7, 9), p.findall(t, 0, 8))
print(re.escape('¿qué? ñ'), re.escape('日本.'))
print(re.findall(rb'\w+', b'ab cd \xe9'), re.sub(rb'a', b'b', b'aaa'), re.match(b'(a)', b'abc'))
print(re.split(rb',', b'a,b'), re.findall(rb'[\x80-\xff]', b'a\xe9\xff'), re.sub(b'(x)', rb'[\1]', b'axb'))
print(re.compile(b'\\d+', re.I), re.findall(b'(?i)AB', b'ab Ab'), re.search(rb'\s', b'a b').span())
print(re.match(b'a', bytearray(b'abc')), re.sub(b'a', b'z', bytearray(b'aba')))
m = re.search(rb'(?P<n>\d+)', b'abc 123')
print(m.groupdict(), m[0], m.group('n'), m.span(), m.expand(rb'<\g<n>>'))
try:
    re.match('a', b'a')
except TypeError as e:
    print(e)
try:
    re.match(b'a', 'a')
except TypeError as e:
    print(e)
try:
    re.compile(b'a', re.U)
except ValueError as e:
    print(e)
print(re.sub('x', lambda m: 'é', 'axbx'), re.sub('é', lambda m: m.group().upper(), 'éaé'))
