import json
from json import JSONDecodeError
data = {"name": "Ada", "age": 36, "langs": ["en", "fr"], "pi": 3.14159, "ok": True, "none": None,
        "nested": {"a": [1, 2, {"b": []}], "c": {}}, "tuple": (1, 2), 5: "five", 2.5: "x", None: 0, False: 1}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", separators=(",", "=")))
print(json.dumps(data, indent=0))
print(json.dumps({"b": 1, "a": [2, 1], "c": {"z": 0, "y": 1}}, sort_keys=True, indent=4))
print(json.dumps([1, 2], separators=(',', ':')), json.dumps({'a': 1}, separators=(',', ':')))
print(json.dumps("héllo wörld ☃ 𝄞 \x00\x1f\x7f \" \\ / \n\t\b\f\r"))
print(json.dumps("héllo wörld ☃ 𝄞 \x00\x1f\x7f", ensure_ascii=False))
print(json.dumps([0.1, 1e16, 1e-7, -0.0, 1.0, 123456789.123, 2**70, -5, float('inf')]))
class P:
    def __init__(self, x): self.x = x
print(json.dumps({"p": P(3)}, default=lambda o: {"P": o.x}))
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
for bad in [lambda: json.dumps(P(1)), lambda: json.dumps({(1,): 2}), lambda: json.dumps(float('nan'), allow_nan=False), lambda: json.dumps({1: 2, 'a': 3}, sort_keys=True)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
a = []; a.append(a)
try: json.dumps(a)
except ValueError as e: print(e)
s = json.dumps(data)
print(json.loads(s))
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\ud834\\udd1e\\n"]}'))
print(json.loads(' [ ] '), json.loads('{}'), json.loads('"\\/"'), json.loads('-0'), json.loads('1E+2'))
print(json.loads('{"a": 1, "a": 2}'), json.loads(b'[1]'), json.loads('NaN'), json.loads('[Infinity, -Infinity]'))
print(json.loads('{"x": 1.5}', parse_float=str), json.loads('[10]', parse_int=float))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1, "y": 2}', object_pairs_hook=list))
for s in ['', '{', '{"a":1,}', '[1,]', '"abc', '[1]x', ' [1] \n x', '{1:2}', '"a\\x"', '"\\u12"', 'tru', '"\x01"']:
    try: json.loads(s)
    except JSONDecodeError as e: print(repr(s), e, e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try: json.loads(5)
except TypeError as e: print(e)
import io
f = io.StringIO(); json.dump({"k": [1, 2]}, f, indent=1); print(f.getvalue()); f.seek(0); print(json.load(f))
print(json.dumps(True), json.dumps(None), json.dumps("x"), json.dumps(12), json.dumps([]), json.dumps({}))
print(json.JSONEncoder(indent=2).encode([1]), json.JSONDecoder().decode('[2]'))
print(JSONDecodeError.__module__, JSONDecodeError.__name__)
print(json.decoder.JSONDecodeError is JSONDecodeError)
