# \s \w \d follow str.isspace/isalnum/isdecimal for str patterns; IGNORECASE folds like CPython.
import re
s = ''.join(chr(c) for c in range(0x3100))
for cls in [r'\s', r'\S', r'\w', r'\W', r'\d', r'\D', r'[\s]', r'[\s\d]', r'[^\w\s]', '.', '(?s).']:
    found = re.findall(cls, s)
    print(cls, len(found), sum(map(ord, found)))
print([hex(ord(c)) for c in re.findall(r'\s', s)])
print(re.split(r'\s+', 'a\x1cb\u3000c\u2028d e'), re.sub(r'\s', '_', 'a\x1fb\xa0c'))
print(re.findall('(?i)[a-z]+', 'ſKelvinK İstanbul ıi'), re.findall('(?i)i', 'İıiI'), re.findall('(?i)s', 'ſsS'))
print(re.findall(r'(?i)straße', 'STRASSE straße STRAßE'), re.findall('(?i)σ', 'Σσς'))
print(re.findall(r'\w+', 'x²y ½ Ⅻ'), re.findall(r'\d+', '²³ ١٢ 42'))
print(re.findall(r'(?a)\w+', 'héllo wörld'), re.findall(r'\s', 'a\x1cb', re.ASCII))
print(re.findall(rb'\s', b'a\x1cb \t'), re.findall(rb'\w+', b'caf\xe9 ok'))
print(ascii(re.findall(".", "\ud800a\udfff")), ascii(re.sub("a", "b", "\ud800a")), ascii(re.findall("[\ud800-\udfff]", "x\ud801y")), ascii(re.findall("\udc80", "a\udc80")))
print(re.findall("a{2", "a{2"), re.search("(?<=ab)c", "abc"), re.match(r"(?P<a>x)(?(a)y|z)", "xy"))
