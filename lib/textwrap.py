"""textwrap -- wrapping and filling text (wrap, fill, shorten, TextWrapper) and indentation
(dedent, indent), with CPython's rules for where lines break: at whitespace, after hyphens
inside words, around em-dashes, and inside words longer than a line."""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '
_WS = frozenset(_whitespace)


def _is_word(c):  # \w
    return c.isalnum() or c == '_'


def _is_letter(c):  # \w that is not a digit
    return (c.isalnum() or c == '_') and not c.isdecimal()


def _is_wordpunct(c):  # what may stand before an em-dash
    return _is_word(c) or c in '!"\'&.,?'


def _split_words(text):
    """Chunks of text: whitespace runs, and words cut after inner hyphens ('long-' 'word') and
    around em-dashes ('a' '--' 'b')."""
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c in _WS:
            j = i + 1
            while j < n and text[j] in _WS:
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        if c == '-' and i > 0 and _is_wordpunct(text[i - 1]):
            j = i
            while j < n and text[j] == '-':
                j += 1
            if j - i >= 2 and j < n and _is_word(text[j]):
                chunks.append(text[i:j])  # an em-dash between words
                i = j
                continue
        # a word piece: at least one character, ending at the first place that allows it
        p = i + 1
        while True:
            if p >= n or text[p] in _WS:
                break
            ch = text[p]
            if ch == '-':
                # (these look-behinds may reach into the previous chunk)
                before2 = p >= 2 and _is_letter(text[p - 1]) and _is_letter(text[p - 2])
                before3 = (p >= 3 and _is_letter(text[p - 1]) and text[p - 2] == '-' and
                           _is_letter(text[p - 3]))
                if before2 or before3:
                    q = p + 1
                    if q < n and _is_letter(text[q]):
                        q += 1
                        if q < n and text[q] == '-':
                            q += 1
                        if q < n and _is_letter(text[q]):
                            p += 1  # the hyphen stays with the first part
                            break
                if _is_wordpunct(text[p - 1]):
                    j = p
                    while j < n and text[j] == '-':
                        j += 1
                    if j - p >= 2 and j < n and _is_word(text[j]):
                        break
            p += 1
        chunks.append(text[i:p])
        i = p
    return chunks


def _split_simple(text):
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        ws = text[i] in _WS
        j = i + 1
        while j < n and (text[j] in _WS) == ws:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    """chunk ends with a lowercase letter, then . ! or ?, then maybe a quote."""
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in '.!?' and
            'a' <= chunk[-2] <= 'z')


class TextWrapper:
    """Wraps paragraphs to `width` columns; see the module for the rules."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate({ord(c): ' ' for c in '\t\n\x0b\x0c\r'})
        return text

    def _split(self, text):
        return _split_words(text) if self.break_on_hyphens else _split_simple(text)

    def _fix_sentence_endings(self, chunks):
        for i in range(len(chunks) - 1):
            if chunks[i + 1] == ' ' and _ends_sentence(chunks[i]):
                chunks[i + 1] = '  '

    def _handle_long_word(self, stack, line, line_len, width):
        """The word on top of `stack` does not fit on any line: split it (or move it)."""
        # (room may be 0 or negative: CPython's slicing then decides, and it is mirrored)
        room = 1 if width < 1 else width - line_len
        if self.break_long_words:
            word = stack[-1]
            cut = room
            if self.break_on_hyphens and len(word) > room:
                h = word.rfind('-', 0, room)
                if h > 0 and word[:h].strip('-'):
                    cut = h + 1
            line.append(word[:cut])
            stack[-1] = word[cut:]
        elif not line:
            line.append(stack.pop())

    def _wrap_chunks(self, chunks):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        placeholder = self.placeholder
        max_lines = self.max_lines
        if max_lines is not None:
            ind = self.subsequent_indent if max_lines > 1 else self.initial_indent
            if len(ind) + len(placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        lines = []
        stack = chunks[::-1]  # next chunk on top
        drop = self.drop_whitespace
        while stack:
            ind = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(ind)
            if drop and lines and not stack[-1].strip():
                stack.pop()  # no line starts with whitespace, except the first
            line = []
            size = 0
            while stack and size + len(stack[-1]) <= width:
                size += len(stack[-1])
                line.append(stack.pop())
            if stack and len(stack[-1]) > width:
                self._handle_long_word(stack, line, size, width)
                size = sum(len(c) for c in line)
            if drop and line and not line[-1].strip():
                size -= len(line[-1])
                line.pop()
            if not line:
                continue
            rest_empty = not stack or (drop and len(stack) == 1 and not stack[0].strip())
            if (max_lines is None or len(lines) + 1 < max_lines or
                    (rest_empty and size <= width)):
                lines.append(ind + ''.join(line))
                continue
            # the last line allowed: end it with the placeholder where it fits
            while line:
                if line[-1].strip() and size + len(placeholder) <= width:
                    lines.append(ind + ''.join(line) + placeholder)
                    return lines
                size -= len(line[-1])
                line.pop()
            if lines:
                prev = lines[-1].rstrip()
                if len(prev) + len(placeholder) <= self.width:
                    lines[-1] = prev + placeholder
                    return lines
            lines.append(ind + placeholder.lstrip())
            return lines
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Removes the leading whitespace all non-blank lines share; blank lines become empty."""
    lines = text.split('\n')
    margin = None
    for k, line in enumerate(lines):
        stripped = line.lstrip(' \t')
        if not stripped:
            lines[k] = ''
            continue
        lead = line[:len(line) - len(stripped)]
        if margin is None:
            margin = lead
        elif lead.startswith(margin):
            pass
        elif margin.startswith(lead):
            margin = lead
        else:
            i = 0
            while i < len(margin) and i < len(lead) and margin[i] == lead[i]:
                i += 1
            margin = margin[:i]
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """prefix added to the lines for which predicate(line) is true (default: non-blank)."""
    out = []
    for line in text.splitlines(True):
        if line.strip() if predicate is None else predicate(line):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
