"""_oshelp -- the parts of the os module written in Python (os itself is C, src/runtime/
mod_os.c, which imports this while it is being made and copies these names into os):
environ, getenv, walk, makedirs, removedirs, scandir/DirEntry, fsencode/fsdecode, PathLike."""

import os
from os import path as _path


class _Environ:
    """os.environ: a mapping of str that also updates the process environment."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        if not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value).__name__}")
        os.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        os.unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self._data.items())
        return f'environ({{{items}}})'

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    _missing = object()

    def pop(self, key, default=_missing):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._missing:
            raise KeyError(key)
        return default

    def update(self, other=(), **kw):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        for k in list(self._data):
            del self[k]

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self._data)
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


environ = _Environ(os._environ_dict())


def getenv(key, default=None):
    return environ.get(key, default)


def get_exec_path(env=None):
    if env is None:
        env = environ
    p = env.get('PATH')
    if p is None:
        p = os.defpath
    return p.split(os.pathsep)


def fsencode(filename):
    filename = os.fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = os.fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


class PathLike:
    """The abstract base of objects with __fspath__ (isinstance works by duck typing)."""

    def __fspath__(self):
        raise NotImplementedError


class DirEntry:
    """One entry of scandir(): name, path, and cached file-type answers."""

    def __init__(self, top, name, is_dir, is_file, is_link):
        self.name = name
        self.path = _path.join(top, name)
        self._dir = is_dir
        self._file = is_file
        self._link = is_link

    def is_dir(self, *, follow_symlinks=True):
        return self._dir if follow_symlinks or not self._link else False

    def is_file(self, *, follow_symlinks=True):
        return self._file if follow_symlinks or not self._link else False

    def is_symlink(self):
        return self._link

    def stat(self, *, follow_symlinks=True):
        return os.stat(self.path, follow_symlinks=follow_symlinks)

    def inode(self):
        return os.lstat(self.path).st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'


class _ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def close(self):
        self._it = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path=None):
    top = '.' if path is None else os.fspath(path)
    rows = os._listdir_types(top)
    if path is None:
        return _ScandirIterator([DirEntry('', n, d, f, l) for n, d, f, l in rows])
    return _ScandirIterator([DirEntry(top, n, d, f, l) for n, d, f, l in rows])


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = os.fspath(top)
    try:
        rows = os._listdir_types(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    into = []
    for name, is_dir, is_file, is_link in rows:
        if is_dir:
            dirs.append(name)
            if not topdown and (followlinks or not is_link):
                into.append(_path.join(top, name))
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
        for name in dirs:
            new = _path.join(top, name)
            if followlinks or not _path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
    else:
        for new in into:
            yield from walk(new, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = _path.split(name)
    if not tail:
        head, tail = _path.split(head)
    if head and tail and not _path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # another process made it meanwhile
        if tail == (b'.' if isinstance(tail, bytes) else '.'):
            return
    try:
        os.mkdir(name, mode)
    except OSError:
        if not exist_ok or not _path.isdir(name):
            raise


def removedirs(name):
    os.rmdir(name)
    head, tail = _path.split(name)
    if not tail:
        head, tail = _path.split(head)
    while head and tail:
        try:
            os.rmdir(head)
        except OSError:
            break
        head, tail = _path.split(head)
