"""string -- character-class constants, capwords, and Template ($-substitution)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _is_ident_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _is_ident_char(c):
    return _is_ident_start(c) or '0' <= c <= '9'


class Template:
    """$name, ${name} and $$ substitution."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        s, out, i, n = self.template, [], 0, len(self.template)
        while i < n:
            c = s[i]
            if c != '$':
                out.append(c)
                i += 1
                continue
            if i + 1 < n and s[i + 1] == '$':
                out.append('$')
                i += 2
                continue
            j = i + 1
            braced = j < n and s[j] == '{'
            if braced:
                j += 1
            k = j
            if k < n and _is_ident_start(s[k]):
                k += 1
                while k < n and _is_ident_char(s[k]):
                    k += 1
            name = s[j:k]
            if not name or (braced and (k >= n or s[k] != '}')):
                if safe:
                    out.append('$')
                    i += 1
                    continue
                lineno = s.count('\n', 0, i) + 1
                col = i - (s.rfind('\n', 0, i) + 1) + 1
                raise ValueError(f'Invalid placeholder in string: line {lineno}, col {col}')
            end = k + 1 if braced else k
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(s[i:end])
            else:
                raise KeyError(name)
            i = end
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        m = dict(mapping or {})
        m.update(kws)
        return self._scan(m, False)

    def safe_substitute(self, mapping=None, /, **kws):
        m = dict(mapping or {})
        m.update(kws)
        return self._scan(m, True)
