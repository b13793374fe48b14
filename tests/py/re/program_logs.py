# A small log analyser: named groups, finditer, sub with a function, split, Counter-free counting.
import re

LOG = """\
2024-01-05 10:15:32 INFO  [web] GET /index.html 200 12ms user=alice
2024-01-05 10:15:40 WARN  [db]  slow query: SELECT * FROM users (1532ms)
2024-01-05 10:16:01 ERROR [web] POST /api/login 500 230ms user=bob
2024-01-05 10:16:05 INFO  [web] GET /about 200 8ms user=carol
2024-01-05 10:17:12 ERROR [auth] token expired for user=alice
"""

LINE = re.compile(r'''
    (?P<date>\d{4}-\d{2}-\d{2}) \s
    (?P<time>\d{2}:\d{2}:\d{2}) \s
    (?P<level>[A-Z]+) \s+
    \[(?P<comp>\w+)\] \s+
    (?P<msg>.*)
''', re.VERBOSE)

levels = {}
for m in LINE.finditer(LOG):
    levels[m['level']] = levels.get(m['level'], 0) + 1
    print(f"{m.group('time')} {m['comp']:>5} {m['level']:<5} {m.span('msg')}")
print(sorted(levels.items()))

requests = re.findall(r'(GET|POST) (\S+) (\d{3}) (\d+)ms', LOG)
print(requests)
print(sum(int(ms) for *_, ms in requests))
print(sorted(set(re.findall(r'user=(\w+)', LOG))))

def mask(m):
    name = m.group(1)
    return 'user=' + name[0] + '*' * (len(name) - 1)
print(re.sub(r'user=(\w+)', mask, LOG))
print(re.sub(r'(\d+)ms', r'\1 ms', LOG.splitlines()[0]))
print(re.split(r'\s*\|\s*', 'a | b|c  |  d'))
errs = [line for line in LOG.splitlines() if re.search(r'\bERROR\b', line)]
print(len(errs), errs[-1])
slow = re.search(r'\((\d+)ms\)', LOG)
print(slow.group(1), slow.start(), slow.string is LOG)
words = re.compile(r"[A-Za-z']+")
text = "Don't stop; it's the end -- or is it? The END."
freq = {}
for w in words.findall(text.lower()):
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print(re.sub(r'\s+', ' ', '  too    many   spaces  ').strip())
camel = re.compile(r'(?<!^)(?=[A-Z])')
print(camel.sub('_', 'CamelCaseStringHere').lower())
print(re.fullmatch(r'[\w.+-]+@[\w-]+\.[\w.]+', 'first.last+tag@example.co.uk') is not None)
print(re.match(r'^(\+\d{1,3})?[\s-]?\(?(\d{3})\)?[\s-]?(\d{3})[\s-]?(\d{4})$', '+1 (555) 123-4567').groups())
