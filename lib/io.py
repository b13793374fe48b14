"""io -- in-memory streams (StringIO, BytesIO) written here, and the file types and open of
the C module _io (src/runtime/io.c) under their io names."""

from _io import (TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom,
                 UnsupportedOperation, DEFAULT_BUFFER_SIZE)
from builtins import open

__all__ = ['open', 'IOBase', 'RawIOBase', 'FileIO', 'BytesIO', 'StringIO',
           'BufferedIOBase', 'BufferedReader', 'BufferedWriter', 'BufferedRWPair',
           'BufferedRandom', 'TextIOBase', 'TextIOWrapper', 'UnsupportedOperation',
           'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'DEFAULT_BUFFER_SIZE']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class IOBase:
    __module__ = '_io'
    _IOBase__closed = False


class RawIOBase(IOBase):
    __module__ = '_io'


class BufferedIOBase(IOBase):
    __module__ = '_io'


class TextIOBase(IOBase):
    __module__ = '_io'


def _size_arg(size):
    if size is None:
        return -1
    if not hasattr(type(size), '__index__'):
        raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
    return size.__index__()


class _Memory:
    """What StringIO and BytesIO share: closing, the with-statement, iteration, lines."""
    _closed = False

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def detach(self):
        raise UnsupportedOperation("detach")

    def readlines(self, hint=-1):
        hint = _size_arg(hint)
        self._check()
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                break
        return lines

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)


class StringIO(_Memory, TextIOBase):
    """A text stream in memory. The text is kept as one str plus the pieces written at its end
    since (joined when needed), so that many small writes stay cheap."""
    __module__ = '_io'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not "
                            f"{type(initial_value).__name__}")
        self._newline = newline
        self._text = ''
        self._tail = []
        self._len = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    encoding = None
    errors = None

    def _check_sio(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def readable(self):
        self._check_sio()
        return True

    def writable(self):
        self._check_sio()
        return True

    def seekable(self):
        self._check_sio()
        return True

    def _flat(self):
        if self._tail:
            self._text += ''.join(self._tail)
            self._tail = []
        return self._text

    def getvalue(self):
        self._check_sio()
        return self._flat()

    def write(self, s):
        self._check_sio()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        nl = self._newline
        if nl is None:
            if '\r' in s:
                s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif nl not in ('', '\n') and '\n' in s:
            s = s.replace('\n', nl)
        m = len(s)
        if not m:
            return n
        if self._pos == self._len:
            self._tail.append(s)
        else:
            text = self._flat()
            if self._pos > self._len:
                text += '\0' * (self._pos - self._len)
            self._text = text[:self._pos] + s + text[self._pos + m:]
        self._pos += m
        if self._pos > self._len:
            self._len = self._pos
        return n

    def read(self, size=-1):
        self._check_sio()
        size = _size_arg(size)
        text = self._flat()
        start = min(self._pos, self._len)
        end = self._len if size < 0 else min(self._len, start + size)
        self._pos = max(self._pos, end)
        return text[start:end]

    def readline(self, size=-1):
        self._check_sio()
        size = _size_arg(size)
        text = self._flat()
        start = self._pos
        if start >= self._len:
            return ''
        nl = self._newline
        if nl == '':
            i = start
            end = self._len
            while i < self._len:
                c = text[i]
                if c == '\n':
                    end = i + 1
                    break
                if c == '\r':
                    end = i + 2 if text[i + 1:i + 2] == '\n' else i + 1
                    break
                i += 1
        else:
            sep = '\n' if nl is None else nl
            i = text.find(sep, start)
            end = self._len if i < 0 else i + len(sep)
        if 0 <= size < end - start:
            end = start + size
        self._pos = end
        return text[start:end]

    def tell(self):
        self._check_sio()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_sio()
        pos = _size_arg(pos)
        if whence not in (0, 1, 2):
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        if pos < 0 and whence == 0:
            raise ValueError(f"Negative seek position {pos}")
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._len
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._check_sio()
        if pos is None:
            pos = self._pos
        else:
            pos = _size_arg(pos)
            if pos < 0:
                raise ValueError(f"Negative size value {pos}")
        if pos < self._len:
            self._text = self._flat()[:pos]
            self._len = pos
        return pos

    def __getstate__(self):
        raise TypeError("cannot pickle 'StringIO' object")


class BytesIO(_Memory, BufferedIOBase):
    """A binary stream in memory, over a bytearray."""
    __module__ = '_io'

    def __init__(self, initial_bytes=b''):
        self._buf = bytearray()
        self._pos = 0
        self._closed = False
        if initial_bytes is not None:
            self._buf += _as_bytes(initial_bytes)

    def getvalue(self):
        self._check()
        return bytes(self._buf)

    def getbuffer(self):
        self._check()
        return self._buf

    def write(self, b):
        self._check()
        b = _as_bytes(b)
        n = len(b)
        if not n:
            return 0
        pos = self._pos
        buf = self._buf
        if pos > len(buf):
            buf += b'\0' * (pos - len(buf))
        buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        start = min(self._pos, len(self._buf))
        end = len(self._buf) if size < 0 else min(len(self._buf), start + size)
        self._pos = max(self._pos, end)
        return bytes(self._buf[start:end])

    read1 = read

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        start = self._pos
        buf = self._buf
        if start >= len(buf):
            return b''
        i = buf.find(b'\n', start)
        end = len(buf) if i < 0 else i + 1
        if 0 <= size < end - start:
            end = start + size
        self._pos = end
        return bytes(buf[start:end])

    def readinto(self, b):
        self._check()
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        pos = _size_arg(pos)
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        self._pos = pos
        return pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        else:
            size = _size_arg(size)
            if size < 0:
                raise ValueError(f"negative size value {size}")
        if size < len(self._buf):
            del self._buf[size:]
        return size


def _as_bytes(b):
    if isinstance(b, (bytes, bytearray)):
        return b
    raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")


FileIO = BufferedReader  # no separate raw layer here
