import os, os.path
import os.path as osp
from os.path import join
print(os.path is osp, os.sep, os.name, repr(os.linesep), os.path.join('a', 'b', '/c', 'd'))
os.mkdir('tdir')
print(os.path.exists('tdir'), os.path.isdir('tdir'), os.path.isfile('tdir'))
with open('tdir/f.txt', 'w') as f: f.write('hello')
print(os.listdir('tdir'), os.path.getsize('tdir/f.txt'))
os.rename('tdir/f.txt', 'tdir/g.txt')
print(sorted(os.listdir('tdir')))
try: os.mkdir('tdir')
except FileExistsError as e: print(e)
try: os.rmdir('tdir')
except OSError as e: print(type(e).__name__, e)
try: os.rename('nope', 'x')
except OSError as e: print(type(e).__name__, e)
try: os.remove('nope')
except OSError as e: print(type(e).__name__, e, e.errno, e.filename)
os.makedirs('tdir/a/b/c')
os.makedirs('tdir/a/b/c', exist_ok=True)
try: os.makedirs('tdir/a/b')
except FileExistsError as e: print(e)
with open('tdir/a/x.py', 'w') as f: f.write('x')
for root, dirs, files in os.walk('tdir'):
    dirs.sort()
    print(root, dirs, sorted(files))
for root, dirs, files in os.walk('tdir', topdown=False):
    print(root, sorted(dirs), sorted(files))
print(sorted(e.name for e in os.scandir('tdir')))
with os.scandir('tdir') as it:
    for e in sorted(it, key=lambda e: e.name): print(e, e.is_dir(), e.is_file(), e.path)
os.remove("tdir/g.txt"); os.unlink('tdir/a/x.py')
os.rmdir('tdir/a/b/c'); os.removedirs('tdir/a/b')
print(os.path.exists('tdir'))
print(os.getcwd() == os.path.abspath('.'), os.getpid() > 0, os.cpu_count() > 0)
os.environ['TRIDENT_X'] = 'y'
print(os.environ['TRIDENT_X'], os.getenv('TRIDENT_X'), os.getenv('NOPE_ZZ'), os.getenv('NOPE_ZZ', 'd'), 'TRIDENT_X' in os.environ)
del os.environ['TRIDENT_X']
print(os.environ.get('TRIDENT_X'))
try: os.environ['NOPE_ZZ']
except KeyError as e: print('KeyError', e)
try: os.environ['A'] = 1
except TypeError as e: print(e)
print(type(os.environ).__name__, isinstance(os.environ['PATH'], str))
p = '/usr/lib/python3.11/os.py'
print(os.path.basename(p), os.path.dirname(p), os.path.split(p), os.path.splitext(p))
for s in ['', '.', '/', '//', '///', 'a/../..', '/a/./b/../../..', 'a//b/', '//a/b', '../x/../y', 'foo/./bar/']:
    print(repr(s), repr(os.path.normpath(s)))
for s in ['a.b.c', '.bashrc', '...', 'a..b', '/x.y/z', 'a/.b.c', 'x.', '']:
    print(repr(s), os.path.splitext(s))
for s in ['a/b/', '/', '', 'a', '//a', '///a/b', 'a///b']:
    print(repr(s), os.path.split(s), os.path.dirname(s), os.path.basename(s))
print(os.path.expanduser('~/x') == os.environ['HOME'].rstrip('/') + '/x', os.path.expanduser('~bob/x'), os.path.expanduser('a~'))
print(os.path.relpath('/a/b/c', '/a/d'), os.path.relpath('/a', '/a'), os.path.commonprefix(['abc', 'abd', 'ab']))
print(os.path.commonpath(['/a/b/c', '/a/b/d']), os.path.isabs('/x'), os.path.isabs('x'))
print(os.path.join('a', ''), os.path.join('', 'b'), os.path.join('/'), os.path.join(b'a', b'b'))
for bad in [lambda: os.path.join(1), lambda: os.path.join('a', b'b'), lambda: os.remove(3.5), lambda: os.fspath(1), lambda: os.stat('nope'), lambda: os.listdir('nope')]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
class P:
    def __fspath__(self): return 'tdir2'
os.mkdir(P()); print(os.path.isdir(P()), os.fspath(P())); os.rmdir(P())
st = os.stat('/')
print(type(st).__name__, len(st), st.st_mode == st[0], isinstance(st.st_mtime, float), isinstance(st[8], int))
print(os.path.exists(''), os.path.isdir('/'), os.path.getsize('/dev/null'))
print(os.path.expandvars('$HOME/x') == os.environ['HOME'] + '/x', os.path.expandvars('$NOPE_Q/${NOPE_Q}/$'))
print(os.strerror(2), os.path.realpath('/usr/../usr/lib'))
