"""json.encoder -- Python objects to JSON text, formatted exactly as CPython's json module
formats them (float repr, escapes, \\uXXXX with surrogate pairs, indent and separators)."""

__all__ = ['JSONEncoder']

INFINITY = float('inf')

# Escapes every JSON encoder needs: the quote, the backslash and the control characters.
_BASIC = {i: '\\u{0:04x}'.format(i) for i in range(0x20)}
_BASIC.update({ord('"'): '\\"', ord('\\'): '\\\\', ord('\n'): '\\n', ord('\r'): '\\r',
               ord('\t'): '\\t', ord('\b'): '\\b', ord('\f'): '\\f'})
_ASCII = dict(_BASIC)
_ASCII[0x7f] = '\\u007f'


def py_encode_basestring(s):
    """A JSON string for s, non-ASCII characters kept as they are."""
    return '"' + s.translate(_BASIC) + '"'


def _escape_char(c):
    n = ord(c)
    if n < 0x10000:
        return '\\u{0:04x}'.format(n)
    n -= 0x10000
    return '\\u{0:04x}\\u{1:04x}'.format(0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff))


def py_encode_basestring_ascii(s):
    """A JSON string for s in ASCII only: others become \\uXXXX (surrogate pairs above
    U+FFFF)."""
    s = s.translate(_ASCII)
    if s.isascii():
        return '"' + s + '"'
    return '"' + ''.join(c if c < '\x80' else _escape_char(c) for c in s) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """Encodes Python data structures (dict, list, tuple, str, int, float, True, False,
    None); override default() to encode other objects."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        out = []
        _Writer(self, out.append).value(o, 0)
        return out


class _Writer:
    """One encoding pass: appends the pieces of the text to `emit`."""

    def __init__(self, enc, emit):
        self.enc = enc
        self.emit = emit
        self.markers = {} if enc.check_circular else None
        self.string = encode_basestring_ascii if enc.ensure_ascii else encode_basestring
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.item_sep = enc.item_separator
        self.key_sep = enc.key_separator
        self.allow_nan = enc.allow_nan
        self.sort_keys = enc.sort_keys
        self.skipkeys = enc.skipkeys

    def floatstr(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def value(self, o, level):
        emit = self.emit
        if isinstance(o, str):
            emit(self.string(o))
        elif o is None:
            emit('null')
        elif o is True:
            emit('true')
        elif o is False:
            emit('false')
        elif isinstance(o, int):
            emit(int.__repr__(o))
        elif isinstance(o, float):
            emit(self.floatstr(o))
        elif isinstance(o, (list, tuple)):
            self.array(o, level)
        elif isinstance(o, dict):
            self.object(o, level)
        else:
            markers = self.markers
            if markers is not None:
                key = id(o)
                if key in markers:
                    raise ValueError("Circular reference detected")
                markers[key] = o
            self.value(self.enc.default(o), level)
            if markers is not None:
                del markers[key]

    def _enter(self, o):
        markers = self.markers
        if markers is not None:
            key = id(o)
            if key in markers:
                raise ValueError("Circular reference detected")
            markers[key] = o

    def _leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def array(self, lst, level):
        emit = self.emit
        if not lst:
            emit('[]')
            return
        self._enter(lst)
        emit('[')
        if self.indent is not None:
            level += 1
            newline = '\n' + self.indent * level
            sep = self.item_sep + newline
            emit(newline)
        else:
            newline = None
            sep = self.item_sep
        first = True
        value = self.value
        for v in lst:
            if first:
                first = False
            else:
                emit(sep)
            value(v, level)
        if newline is not None:
            level -= 1
            emit('\n' + self.indent * level)
        emit(']')
        self._leave(lst)

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.floatstr(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def object(self, dct, level):
        emit = self.emit
        if not dct:
            emit('{}')
            return
        self._enter(dct)
        emit('{')
        if self.indent is not None:
            level += 1
            newline = '\n' + self.indent * level
            sep = self.item_sep + newline
            emit(newline)
        else:
            newline = None
            sep = self.item_sep
        first = True
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        string = self.string
        key_sep = self.key_sep
        value = self.value
        for key, v in items:
            key = self._key(key)
            if key is None:
                continue
            if first:
                first = False
            else:
                emit(sep)
            emit(string(key))
            emit(key_sep)
            value(v, level)
        if newline is not None:
            level -= 1
            emit('\n' + self.indent * level)
        emit('}')
        self._leave(dct)
