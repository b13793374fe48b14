"""json.decoder -- JSON text to Python objects, with the error messages and positions of
CPython's C scanner (JSONDecodeError: "Expecting value: line 1 column 1 (char 0)")."""

import re

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """A ValueError with where the document went wrong: msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}

_WS = re.compile(r'[ \t\n\r]*')
_NUMBER = re.compile(r'(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?')
# A run of ordinary characters, then what ends it: a quote, a backslash or a control character.
_CHUNK = re.compile(r'([^"\\\x00-\x1f]*)(["\\\x00-\x1f])')
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
            't': '\t'}
_HEX = frozenset('0123456789abcdefABCDEF')


def _hex4(s, pos):
    """The value of the 4 hex digits at s[pos:pos+4], or None."""
    h = s[pos:pos + 4]
    if len(h) == 4 and all(c in _HEX for c in h):
        return int(h, 16)
    return None


def scanstring(s, end, strict=True):
    """The string whose opening quote is at end-1: (str, index after the closing quote)."""
    begin = end - 1
    chunks = []
    append = chunks.append
    match = _CHUNK.match
    while True:
        m = match(s, end)
        if m is None:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        content, term = m.groups()
        if content:
            append(content)
        end = m.end()
        if term == '"':
            break
        if term != '\\':
            if strict:
                raise JSONDecodeError("Invalid control character at", s, end - 1)
            append(term)
            continue
        try:
            esc = s[end]
        except IndexError:
            raise JSONDecodeError("Unterminated string starting at", s, begin) from None
        if esc != 'u':
            try:
                append(_ESCAPES[esc])
            except KeyError:
                raise JSONDecodeError("Invalid \\escape", s, end - 1) from None
            end += 1
            continue
        uni = _hex4(s, end + 1)
        if uni is None:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
            low = _hex4(s, end + 2)
            if low is None:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, end + 1)
            if 0xdc00 <= low <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (low - 0xdc00))
                end += 6
        append(chr(uni))
    return ''.join(chunks), end


class _Scanner:
    """One decoding pass: the hooks of a JSONDecoder and the recursive descent."""

    def __init__(self, dec):
        self.object_hook = dec.object_hook
        self.object_pairs_hook = dec.object_pairs_hook
        self.parse_float = dec.parse_float
        self.parse_int = dec.parse_int
        self.parse_constant = dec.parse_constant
        self.strict = dec.strict
        self.memo = {}

    def value(self, s, idx):
        """(value, end) of the value at idx; StopIteration(idx) when there is none."""
        try:
            c = s[idx]
        except IndexError:
            raise StopIteration(idx) from None
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self.object(s, idx + 1)
        if c == '[':
            return self.array(s, idx + 1)
        if c == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if c == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if c == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        m = _NUMBER.match(s, idx)
        if m is not None:
            integer, frac, exp = m.groups()
            if frac or exp:
                res = self.parse_float(integer + (frac or '') + (exp or ''))
            else:
                res = self.parse_int(integer)
            return res, m.end()
        if c == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        raise StopIteration(idx)

    def object(self, s, end):
        pairs = []
        ws = _WS.match
        end = ws(s, end).end()
        if s[end:end + 1] == '}':
            end += 1
        else:
            memo = self.memo
            while True:
                if s[end:end + 1] != '"':
                    raise JSONDecodeError(
                        "Expecting property name enclosed in double quotes", s, end)
                key, end = scanstring(s, end + 1, self.strict)
                key = memo.setdefault(key, key)
                end = ws(s, end).end()
                if s[end:end + 1] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
                end = ws(s, end + 1).end()
                try:
                    value, end = self.value(s, end)
                except StopIteration as err:
                    raise JSONDecodeError("Expecting value", s, err.value) from None
                pairs.append((key, value))
                end = ws(s, end).end()
                c = s[end:end + 1]
                end += 1
                if c == '}':
                    break
                if c != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
                end = ws(s, end).end()
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        obj = dict(pairs)
        if self.object_hook is not None:
            obj = self.object_hook(obj)
        return obj, end

    def array(self, s, end):
        values = []
        ws = _WS.match
        end = ws(s, end).end()
        if s[end:end + 1] == ']':
            return values, end + 1
        append = values.append
        while True:
            try:
                value, end = self.value(s, end)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            append(value)
            end = ws(s, end).end()
            c = s[end:end + 1]
            end += 1
            if c == ']':
                return values, end
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = ws(s, end).end()


class JSONDecoder:
    """Decodes JSON documents; the hooks replace how objects, floats, ints and the constants
    NaN/Infinity/-Infinity become Python values."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s, _w=_WS.match):
        obj, end = self.raw_decode(s, idx=_w(s, 0).end())
        end = _w(s, end).end()
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return _Scanner(self).value(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
