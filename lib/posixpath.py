"""posixpath -- os.path for POSIX systems: pure string operations on paths (join, split,
normpath...) plus the few that ask the file system (exists, isdir, getsize...). Works on str and
bytes paths alike; the file-system questions go through os._kind and os.stat."""

import os

__all__ = ['abspath', 'basename', 'commonpath', 'commonprefix', 'dirname', 'exists',
           'expanduser', 'expandvars', 'getatime', 'getctime', 'getmtime', 'getsize',
           'isabs', 'isdir', 'isfile', 'islink', 'join', 'lexists', 'normcase', 'normpath',
           'realpath', 'relpath', 'samefile', 'split', 'splitdrive', 'splitext', 'sep',
           'curdir', 'pardir', 'extsep', 'pathsep', 'defpath', 'altsep', 'devnull']

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False


def _fs(p, fname):
    """p as str or bytes (os.PathLike unwrapped), with CPython's message for other types."""
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError(f"{fname}() argument must be str, bytes, or os.PathLike object, "
                        f"not '{type(p).__name__}'")
    return os.fspath(p)


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    return os.fspath(p)


def _seps(p):
    """(separator, dot) in the type of p."""
    if isinstance(p, bytes):
        return b'/', b'.'
    return '/', '.'


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = _fspath(a)
    s = _seps(a)[0]
    path = a
    try:
        for b in p:
            b = _fs(b, 'join')
            if b.startswith(s):
                path = b
            elif not path or path.endswith(s):
                path = path + b
            else:
                path = path + s + b
    except TypeError:
        if all(isinstance(x, (str, bytes)) for x in (a,) + p):
            if any(isinstance(x, str) for x in (a,) + p) and \
                    any(isinstance(x, bytes) for x in (a,) + p):
                raise TypeError("Can't mix strings and bytes in path components") from None
        raise
    return path


def split(p):
    p = _fspath(p)
    s = _seps(p)[0]
    i = p.rfind(s) + 1
    head, tail = p[:i], p[i:]
    if head and head != s * len(head):
        head = head.rstrip(s)
    return head, tail


def splitext(p):
    p = _fspath(p)
    s, dot = _seps(p)
    last_sep = p.rfind(s)
    last_dot = p.rfind(dot)
    if last_dot > last_sep:
        # a name made only of leading dots ('.bashrc', '...') has no extension
        i = last_sep + 1
        while i < last_dot:
            if p[i:i + 1] != dot:
                return p[:last_dot], p[last_dot:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    return p[p.rfind(_seps(p)[0]) + 1:]


def dirname(p):
    p = _fspath(p)
    s = _seps(p)[0]
    head = p[:p.rfind(s) + 1]
    if head and head != s * len(head):
        head = head.rstrip(s)
    return head


def normpath(path):
    path = _fspath(path)
    s, dot = _seps(path)
    if not path:
        return dot
    # POSIX keeps exactly two leading slashes; one or three and more become one.
    lead = 0
    if path.startswith(s):
        lead = 2 if path.startswith(s * 2) and not path.startswith(s * 3) else 1
    dotdot = dot * 2
    parts = []
    for c in path.split(s):
        if not c or c == dot:
            continue
        if c == dotdot:
            if parts and parts[-1] != dotdot:
                parts.pop()
                continue
            if lead:
                continue
        parts.append(c)
    out = s * lead + s.join(parts)
    return out or dot


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    path = abspath(filename)
    s, dot = _seps(path)
    seen = 0
    parts = [c for c in path.split(s) if c]
    done = s
    while parts:
        c = parts.pop(0)
        if c == dot * 2:
            done = dirname(done)
            continue
        cand = join(done, c)
        if os._kind(cand) & 4 and seen < 40:
            seen += 1
            target = os.readlink(cand)
            if isabs(target):
                done = s
            parts[:0] = [x for x in target.split(s) if x and x != dot]
            continue
        done = cand
    return done


def relpath(path, start=None):
    path = _fspath(path)
    if not path:
        raise ValueError("no path specified")
    s, dot = _seps(path)
    if start is None:
        start = dot
    else:
        start = _fspath(start)
    start_list = [x for x in abspath(start).split(s) if x]
    path_list = [x for x in abspath(path).split(s) if x]
    i = 0
    while i < len(start_list) and i < len(path_list) and start_list[i] == path_list[i]:
        i += 1
    rel = [dot * 2] * (len(start_list) - i) + path_list[i:]
    if not rel:
        return dot
    return join(*rel)


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    s, dot = _seps(paths[0])
    try:
        split_paths = [p.split(s) for p in paths]
        isabs_set = {p[:1] == s for p in paths}
    except TypeError:
        raise TypeError("Can't mix strings and bytes in path components") from None
    if len(isabs_set) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in sp if c and c != dot] for sp in split_paths]
    lo = min(split_paths)
    hi = max(split_paths)
    common = lo
    for i, c in enumerate(lo):
        if c != hi[i]:
            common = lo[:i]
            break
    prefix = s if paths[0][:1] == s else s[:0]
    return prefix + s.join(common)


def exists(path):
    return os._kind(path) & 3 != 0


def lexists(path):
    return os._kind(path) != 0


def isfile(path):
    return os._kind(path) & 3 == 1


def isdir(s):
    return os._kind(s) & 3 == 2


def islink(path):
    return os._kind(path) & 4 != 0


def ismount(path):
    try:
        s1 = os.lstat(path)
        s2 = os.lstat(join(path, '..'))
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def samefile(f1, f2):
    s1 = os.stat(f1)
    s2 = os.stat(f2)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def expanduser(path):
    path = _fspath(path)
    s, dot = _seps(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    i = path.find(s, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path  # ~user: no password database here
    home = os.environ.get('HOME')
    if home is None:
        return path
    if isinstance(path, bytes):
        home = home.encode()
    home = home.rstrip(s)
    return (home + path[i:]) or s


def expandvars(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        return os.fsencode(expandvars(os.fsdecode(path)))
    if '$' not in path:
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        j = i + 1
        if j < n and path[j] == '{':
            k = path.find('}', j + 1)
            if k < 0:
                out.append(path[i:])
                break
            name = path[j + 1:k]
            end = k + 1
        else:
            k = j
            while k < n and (path[k].isalnum() or path[k] == '_') and path[k].isascii():
                k += 1
            name = path[j:k]
            end = k
        if name and name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(path[i:end] if name else '$')
            if not name:
                end = i + 1
        i = end
    return ''.join(out)
