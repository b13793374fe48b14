# A log-analysis report with re: compiled patterns with named groups, findall, finditer,
# sub with a function and with backreferences, split, flags, and match-object methods.
import re
from collections import Counter

LOG = """\
2024-03-01 08:15:02 INFO  [web] GET /index.html 200 512b user=alice ip=10.0.0.1
2024-03-01 08:15:09 WARN  [web] GET /missing 404 0b user=bob ip=10.0.0.2
2024-03-01 08:16:44 ERROR [db] query failed: timeout after 30s (code=E42)
2024-03-01 08:17:00 INFO  [web] POST /api/login 200 87b user=carol ip=192.168.1.20
2024-03-01 08:17:05 INFO  [web] GET /api/items?page=2 200 2048b user=alice ip=10.0.0.1
2024-03-02 09:00:00 DEBUG [cache] hit ratio 0.93
2024-03-02 09:01:13 ERROR [web] GET /api/items 500 0b user=dave ip=172.16.0.9
2024-03-02 09:02:30 WARN  [db] slow query: 1250ms (code=W07)
2024-03-02 09:05:59 INFO  [web] DELETE /api/items/7 204 0b user=alice ip=10.0.0.1
contact admin@example.com or ops-team@corp.example.org; not an email: foo@bar
"""

LINE = re.compile(
    r"^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]{8}) (?P<level>[A-Z]+)\s+\[(?P<src>\w+)\] (?P<msg>.*)$",
    re.MULTILINE,
)
REQUEST = re.compile(r"(?P<method>GET|POST|DELETE) (?P<path>\S+) (?P<status>\d{3}) (?P<size>\d+)b")
KV = re.compile(r"(\w+)=([\w.]+)")

records = [m.groupdict() for m in LINE.finditer(LOG)]
print(len(records), "records")
first = LINE.search(LOG)
print(first.group("date", "level"), first.start(), first.end("time"), first.span("src"))
print(first["msg"][:20], first.lastgroup, first.re is LINE)

levels = Counter(r["level"] for r in records)
print(levels.most_common())
print(re.findall(r"^\S+ \S+ (ERROR|WARN)", LOG, re.M))
print(re.findall(r"user=(\w+) ip=([\d.]+)", LOG))
print(sorted(set(re.findall(r"\d+\.\d+\.\d+\.\d+", LOG))))
print(re.findall(r"[\w.-]+@[\w-]+(?:\.[\w-]+)+", LOG))
print(re.findall(r"\((code=\w+)\)", LOG), re.findall(r"\b\d+(?:ms|s)\b", LOG))

print("requests:")
total = 0
for r in records:
    m = REQUEST.search(r["msg"])
    if not m:
        continue
    total += int(m["size"])
    kv = dict(KV.findall(r["msg"]))
    print(f"  {r['time']} {m['method']:<6} {m['path']:<18} {m['status']} {kv.get('user', '-'):>6}")
print("bytes:", total)
statuses = Counter(m.group("status") for m in REQUEST.finditer(LOG))
print(sorted(statuses.items()))


def mask_ip(m):
    parts = m.group(0).split(".")
    return ".".join(parts[:2] + ["x"] * (len(parts) - 2))


def upper_level(m):
    return f"<{m['level'].lower()}>"


masked = re.sub(r"\d+\.\d+\.\d+\.\d+", mask_ip, LOG)
print(masked.splitlines()[3])
print(re.sub(r"(?P<level>ERROR|WARN)", upper_level, LOG.splitlines()[2]))
print(re.sub(r"(\d{4})-(\d\d)-(\d\d)", r"\3/\2/\1", LOG.splitlines()[0]))
print(re.sub(r"(?P<k>\w+)=(?P<v>\w+)", r"\g<v>:\g<k>", "a=1 b=2 c=3"))
print(re.subn(r"\s+", " ", "too    many\t\tspaces\n here"))
print(re.sub(r"x*", "-", "abxd"), re.sub("a", "b", "aaaa", count=2))
print(re.sub(r"[aeiou]", lambda m: m.group().upper(), "regular expressions"))

print(re.split(r"[;,]\s*", "a, b;c,  d"))
print(re.split(r"(\d)", "a1b2c"), re.split(r"\s+", " x  y ", maxsplit=1))
print(re.match(r"\d+", "123abc").group(), re.match(r"\d+", "abc"), re.fullmatch(r"\w+", "abc!"))
m = re.match(r"(\w+)@(\w+)\.(\w+)", "joe@mail.com")
print(m.groups(), m.group(0), m.group(1, 3), m.lastindex, m.span(2))
m = re.search(r"(?P<a>x)?(?P<b>y)", "y")
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict(0))
print(re.findall(r"(?i)error", LOG), len(re.findall(r"^2024", LOG, flags=re.M)))
print(re.search(r"hit ratio (\d\.\d+)", LOG).group(1), re.escape("a.b*c?"))
word = re.compile(r"\b[a-z]{6,}\b", re.IGNORECASE)
print(word.findall(LOG)[:6], word.pattern, bool(word.flags & re.I))
print([m.group() for m in re.finditer(r"(?<=/api/)\w+", LOG)])
print(re.sub(r"(?m)^(\d{4})-\d\d-\d\d ", r"[\1] ", LOG).splitlines()[5])
dates = {}
for r in records:
    dates.setdefault(r["date"], []).append(r["level"][0])
print(" ".join(f"{d}:{''.join(ls)}" for d, ls in sorted(dates.items())))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e)
