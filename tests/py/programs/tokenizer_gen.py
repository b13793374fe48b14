# A tokenizer for arithmetic expressions built from generators (yield, yield from, send,
# generator expressions, itertools), and a recursive-descent evaluator that pulls from it.
import itertools
from collections import namedtuple

Token = namedtuple("Token", "kind value pos")

OPS = {"+", "-", "*", "/", "%", "^", "(", ")", ","}
FUNCS = {"max": max, "min": min, "abs": abs, "sum": lambda *a: sum(a)}


class TokenError(Exception):
    pass


def chars(text):
    """Yield (position, character) pairs; a separate generator so tokens can be peeked at."""
    yield from enumerate(text)
    yield len(text), ""


def scan_number(first, pos, it):
    digits = [first]
    for p, c in it:
        if c.isdigit() or c == ".":
            digits.append(c)
        else:
            text = "".join(digits)
            yield Token("NUM", float(text) if "." in text else int(text), pos)
            return p, c
    raise AssertionError("unreachable")


def scan_name(first, pos, it):
    letters = [first]
    for p, c in it:
        if c.isalnum() or c == "_":
            letters.append(c)
        else:
            yield Token("NAME", "".join(letters), pos)
            return p, c


def tokenize(text):
    it = chars(text)
    pending = None
    while True:
        p, c = pending if pending else next(it)
        pending = None
        if c == "":
            yield Token("END", None, p)
            return
        if c.isspace():
            continue
        if c.isdigit():
            pending = yield from scan_number(c, p, it)
        elif c.isalpha():
            pending = yield from scan_name(c, p, it)
        elif c == "*":
            q, d = next(it)
            if d == "*":
                yield Token("OP", "^", p)
            else:
                yield Token("OP", "*", p)
                pending = (q, d)
        elif c in OPS:
            yield Token("OP", c, p)
        else:
            raise TokenError(f"bad character {c!r} at {p}")


class Parser:
    def __init__(self, tokens, env):
        self.tokens = tokens
        self.tok = next(tokens)
        self.env = env

    def advance(self):
        tok, self.tok = self.tok, next(self.tokens)
        return tok

    def expect(self, value):
        if self.tok.value != value:
            raise SyntaxError(f"expected {value!r} at {self.tok.pos}, got {self.tok.value!r}")
        return self.advance()

    def parse(self):
        v = self.expr()
        if self.tok.kind != "END":
            raise SyntaxError(f"trailing {self.tok.value!r} at {self.tok.pos}")
        return v

    def expr(self):
        v = self.term()
        while self.tok.value in ("+", "-"):
            op = self.advance().value
            r = self.term()
            v = v + r if op == "+" else v - r
        return v

    def term(self):
        v = self.factor()
        while self.tok.value in ("*", "/", "%"):
            op = self.advance().value
            r = self.factor()
            if op == "*":
                v *= r
            elif op == "/":
                v /= r
            else:
                v %= r
        return v

    def factor(self):
        if self.tok.value == "-":
            self.advance()
            return -self.factor()
        base = self.atom()
        if self.tok.value == "^":
            self.advance()
            return base ** self.factor()
        return base

    def atom(self):
        tok = self.advance()
        if tok.kind == "NUM":
            return tok.value
        if tok.kind == "NAME":
            if self.tok.value == "(":
                self.advance()
                args = [self.expr()]
                while self.tok.value == ",":
                    self.advance()
                    args.append(self.expr())
                self.expect(")")
                return FUNCS[tok.value](*args)
            try:
                return self.env[tok.value]
            except KeyError:
                raise NameError(f"name {tok.value!r} is not defined") from None
        if tok.value == "(":
            v = self.expr()
            self.expect(")")
            return v
        raise SyntaxError(f"unexpected {tok.value!r} at {tok.pos}")


def evaluate(text, env=None):
    return Parser(tokenize(text), env or {}).parse()


def accumulator():
    """A coroutine: send() it expressions, it yields the running total."""
    total = 0
    count = 0
    while True:
        text = yield total
        if text is None:
            break
        try:
            total += evaluate(text, {"total": total})
            count += 1
        except (SyntaxError, NameError, ZeroDivisionError, TokenError) as e:
            print(f"  skipped {text!r}: {type(e).__name__}: {e}")
    return count


print(list(tokenize("12 + x1*(3.5 - 4) ** 2")))
print([t.value for t in tokenize("max(1, 2)%7") if t.kind != "END"])
kinds = (t.kind for t in tokenize("a + b * 3 - c"))
print([(k, len(list(g))) for k, g in itertools.groupby(sorted(kinds))])

exprs = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ^ 3 ^ 2",
    "2 ** 10 - 1",
    "-3 ** 2",
    "7 / 2",
    "7 % 3 + 10 % 4",
    "max(3, 4 * 2, 1) + min(5, abs(-9))",
    "sum(1, 2, 3, 4) / 4",
    "x * y + z",
    "1.5 * 4",
    "((((9))))",
]
env = {"x": 6, "y": 7, "z": -2}
for e in exprs:
    print(f"{e:<36} = {evaluate(e, env)!r}")

bad = ["1 +", "(1 + 2", "1 2", "3 $ 4", "q + 1", "1 / 0", ")"]
for e in bad:
    try:
        print(evaluate(e))
    except Exception as exc:
        print(f"{e!r:>10} -> {type(exc).__name__}: {exc}")

acc = accumulator()
print("start", next(acc))
for text in ["1 + 1", "total * 10", "oops", "total / 4", "5 $", "2 ^ 0.5"]:
    print(f"send {text!r:14} -> {acc.send(text)!r}")
try:
    acc.send(None)
except StopIteration as stop:
    print("evaluated", stop.value, "expressions")

# itertools on token streams
stream = tokenize("1+2+3+4+5")
nums = (t.value for t in stream if t.kind == "NUM")
print(list(itertools.accumulate(nums)))
pairs = itertools.pairwise(t.value for t in tokenize("a*b+c") if t.kind != "END")
print(list(pairs))
first3 = itertools.islice(tokenize("10 20 30 40 50"), 3)
print([t.value for t in first3])
chained = itertools.chain.from_iterable(tokenize(s) for s in ["1+2", "x"])
print(sum(1 for _ in chained))
counter = itertools.count(1)
print([(next(counter), t.value) for t in itertools.takewhile(lambda t: t.value != ")", tokenize("(a)"))])
table = {e: evaluate(e) for e in itertools.starmap("{}{}{}".format, itertools.product("12", "+*", "34"))}
print(table)
print(sorted(table, key=table.get)[:3], max(table.values()))
gen = tokenize("1")
print(next(gen), next(gen), next(gen, "done"))
