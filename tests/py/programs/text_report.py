# A text report over a small corpus: collections (Counter.most_common, defaultdict, namedtuple,
# OrderedDict), str formatting (f-string widths/alignment, str.format, %), textwrap, json.dumps.
import json
import textwrap
from collections import Counter, OrderedDict, defaultdict, namedtuple

TEXT = """\
The quick brown fox jumps over the lazy dog. The dog, being lazy, did not
react; the fox was quick and left. Later the fox returned with another fox,
and the two foxes watched the dog sleep in the warm afternoon sun.

A second paragraph talks about cats instead. Cats are not dogs, and a cat
will rarely chase a fox. The cat sat on the mat; the mat was warm.

Finally, a short third paragraph: the end."""

Sale = namedtuple("Sale", ["region", "product", "units", "price"])
SALES = [
    Sale("north", "widget", 12, 2.5),
    Sale("south", "gadget", 3, 19.99),
    Sale("north", "gadget", 7, 19.99),
    Sale("east", "widget", 30, 2.25),
    Sale("west", "doohickey", 1, 149.0),
    Sale("south", "widget", 18, 2.5),
    Sale("east", "gizmo", 5, 7.75),
    Sale("north", "gizmo", 9, 7.5),
    Sale("west", "widget", 4, 2.5),
]


def words(text):
    out = []
    for raw in text.split():
        w = raw.strip(".,;:!?").lower()
        if w:
            out.append(w)
    return out


def section(title, width=60):
    print()
    print(title.upper().center(width, "="))


ws = words(TEXT)
counts = Counter(ws)
section("word frequencies")
print(f"{'total words':<20}{len(ws):>8}")
print(f"{'distinct words':<20}{len(counts):>8}")
print("{:<20}{:>8.3f}".format("avg length", sum(map(len, ws)) / len(ws)))
for rank, (word, n) in enumerate(counts.most_common(8), 1):
    bar = "#" * n
    print(f"{rank:>2}. {word:<10}|{n:^5}| {bar}")
print("least common:", counts.most_common()[-3:])
print("fox-ish:", sum(counts[w] for w in counts if w.startswith("fox")))
letters = Counter(c for c in TEXT.lower() if c.isalpha())
print("letters:", " ".join("%s=%d" % kv for kv in letters.most_common(5)))
c2 = Counter(words("the cat and the hat")) + Counter(words("the bat"))
print(sorted(c2.items()), (c2 - Counter(the=2)).most_common(2))

section("by first letter")
by_letter = defaultdict(list)
for w in sorted(set(ws)):
    by_letter[w[0]].append(w)
for letter in sorted(by_letter):
    group = by_letter[letter]
    if len(group) >= 3:
        print("%-3s%3d  %s" % (letter, len(group), ", ".join(group)))
lengths = defaultdict(int)
for w in ws:
    lengths[len(w)] += 1
print("length histogram:", dict(sorted(lengths.items())))

section("paragraphs")
for i, para in enumerate(TEXT.split("\n\n"), 1):
    flat = " ".join(para.split())
    wrapped = textwrap.fill(flat, width=44, initial_indent=f"[{i}] ", subsequent_indent="    ")
    print(wrapped)
print(textwrap.shorten(" ".join(TEXT.split()), width=50, placeholder=" [...]"))
print(textwrap.dedent("""\
        indented block
          keeps relative
        indentation"""))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))

section("sales")
totals = defaultdict(float)
units = Counter()
per_region = defaultdict(lambda: defaultdict(int))
for s in SALES:
    totals[s.region] += s.units * s.price
    units[s.product] += s.units
    per_region[s.region][s.product] += s.units
header = "{:<8}|{:>10}|{:>8}".format("region", "revenue", "share")
print(header)
print("-" * len(header))
grand = sum(totals.values())
for region, revenue in sorted(totals.items(), key=lambda kv: -kv[1]):
    print("{:<8}|{:>10,.2f}|{:>7.1%}".format(region, revenue, revenue / grand))
print("-" * len(header))
print(f"{'total':<8}|{grand:>10,.2f}|{1:>7.1%}")
print("units:", units.most_common())
for region in sorted(per_region):
    items = per_region[region]
    print(f"  {region:>6}: " + ", ".join(f"{p}x{n}" for p, n in sorted(items.items())))
best = max(SALES, key=lambda s: s.units * s.price)
print("best sale:", best, best._asdict())
print(best._replace(units=2), Sale._fields, Sale._make(["x", "y", 1, 1.0]).region)

section("ordered")
od = OrderedDict()
for s in SALES:
    od.setdefault(s.product, 0)
    od[s.product] += s.units
print(od)
od.move_to_end("widget")
print(list(od))
od.move_to_end("gizmo", last=False)
print(list(od.keys()), od.popitem(), od.popitem(last=False))
print(od == OrderedDict([("doohickey", 1), ("gadget", 10)]), od == {"doohickey": 1, "gadget": 10})

section("formats")
for value in [0, 3.14159, -2.5, 1234567.891, 1e-5]:
    print("|%10.3f|%-10g|%+e|" % (value, value, value), f"|{float(value):^12.4}|{value:_>10.1f}|")
for n in [0, 7, 255, 4096]:
    print(f"{n:>6d} {n:#06x} {n:#o} {n:b} {n:,}", "%05d %x %X %o" % (n, n, n, n))
print("{0}-{1}-{0} {name!r:>8} {obj[k]}".format("a", "b", name="nm", obj={"k": "v"}))
print("%(region)s sold %(units)d" % SALES[0]._asdict(), "%s %r %%" % ("x", "y"))

section("summary")
summary = {
    "words": len(ws),
    "distinct": len(counts),
    "top": counts.most_common(3),
    "regions": {r: round(v, 2) for r, v in sorted(totals.items())},
    "products": dict(units),
    "empty": [],
    "flags": {"ok": True, "missing": None},
    "ratio": 0.1 + 0.2,
}
print(json.dumps(summary, sort_keys=True))
print(json.dumps(summary, indent=2))
print(json.dumps({"b": [1, 2], "a": "é\n"}, separators=(",", ":")), json.dumps("é", ensure_ascii=False))
