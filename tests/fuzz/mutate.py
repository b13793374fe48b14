#!/usr/bin/env python3
"""mutate.py -- mutation fuzzer for the trident VM: takes the test scripts (tests/py), applies
syntax-preserving mutations on their CPython AST (swap operands, literals and identifiers, change
operators, delete/duplicate/swap statements, insert `raise`, turn literals into huge, negative or
zero ints, None, odd strings ...), unparses them and runs `trident run` (normally the ASan build)
with a timeout. A finding is a signal, a sanitizer report, an exit status other than 0/1 that
CPython does not give too, or a hang where CPython finishes quickly. Findings are written to
OUT/NNN-KIND.py with the stderr in OUT/NNN-KIND.txt.

Usage: mutate.py [--time S] [--jobs N] [--seed N] [--trident BIN] [--out DIR] [--timeout S]
                 [--replay FILE.py...]
"""
import argparse
import ast
import copy
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PYTHON = '/usr/bin/python3' if os.path.exists('/usr/bin/python3') else sys.executable
SAN_STATUS = 66

INTS = [0, 1, -1, 2, 7, 255, 256, -257, 2**31 - 1, 2**31, -2**31, 2**63 - 1, 2**63, -2**63,
        2**64, 10**30, -10**30, 10**400, 1 << 1000]
STRS = ['', 'a', 'é', '\x00', '\U0001f600', 'x' * 1000, '%s%d', '{}{0}', '\ud800', 'abc\n\t']
ODD = [None, True, False, 0.0, -0.0, 1e308, 1.5, float('nan'), b'', b'\xff', (), '']
EXCS = ['ValueError', 'TypeError', 'KeyError', 'StopIteration', 'RuntimeError', 'Exception',
        'GeneratorExit', 'KeyboardInterrupt', 'SystemExit', 'RecursionError', 'ZeroDivisionError']
BINOPS = [ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.LShift,
          ast.RShift, ast.BitOr, ast.BitXor, ast.BitAnd, ast.MatMult]
CMPOPS = [ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Is, ast.IsNot, ast.In,
          ast.NotIn]
UNOPS = [ast.Invert, ast.Not, ast.UAdd, ast.USub]


def odd_constant(rng):
    r = rng.random()
    if r < 0.45:
        return rng.choice(INTS)
    if r < 0.7:
        return rng.choice(STRS)
    return rng.choice(ODD)


def odd_expr(rng, names):
    """An expression to put where any expression was."""
    r = rng.random()
    if r < 0.5:
        return ast.Constant(odd_constant(rng))
    if r < 0.6 and names:
        return ast.Name(rng.choice(names), ast.Load())
    src = rng.choice(['[]', '{}', 'set()', '()', 'object()', 'lambda *a, **k: None', 'iter([])',
                      '[[]] * 3', 'range(-1)', 'print', 'type', 'NotImplemented', '...',
                      '(x for x in ())', 'b"\\xff" * 3', '[1, "a", None]', '{1: 2}.keys()',
                      'slice(None)', '1j', 'float("inf")', 'super'])
    return ast.parse(src, mode='eval').body


class Mutator:
    def __init__(self, tree, rng):
        self.rng = rng
        self.tree = tree
        self.exprs = []   # (parent, field, index or None, node)
        self.stmts = []   # (parent, field) lists of statements
        self.names = set()
        self.collect(tree)

    def collect(self, node):
        for field, value in ast.iter_fields(node):
            if isinstance(value, list):
                if value and isinstance(value[0], ast.stmt):
                    self.stmts.append((node, field))
                for i, v in enumerate(value):
                    if isinstance(v, ast.expr):
                        self.exprs.append((node, field, i, v))
                    if isinstance(v, ast.AST):
                        self.collect(v)
            elif isinstance(value, ast.AST):
                if isinstance(value, ast.expr):
                    self.exprs.append((node, field, None, value))
                self.collect(value)
        if isinstance(node, ast.Name):
            self.names.add(node.id)
        elif isinstance(node, ast.Attribute):
            self.names.add(node.attr)

    def replace(self, parent, field, index, new):
        if index is None:
            setattr(parent, field, new)
        else:
            getattr(parent, field)[index] = new

    def loads(self, kinds):
        return [e for e in self.exprs if isinstance(e[3], kinds) and
                not isinstance(getattr(e[3], 'ctx', ast.Load()), (ast.Store, ast.Del))]

    # --- the mutations; each returns False when it found nothing to change -------------------
    def m_constant(self):
        cands = self.loads(ast.Constant)
        if not cands:
            return False
        p, f, i, n = self.rng.choice(cands)
        if isinstance(p, ast.JoinedStr):
            return False
        self.replace(p, f, i, ast.Constant(odd_constant(self.rng)))
        return True

    def m_int(self):
        cands = [e for e in self.loads(ast.Constant) if type(e[3].value) is int]
        if not cands:
            return False
        p, f, i, n = self.rng.choice(cands)
        n.value = self.rng.choice([0, -1, -n.value, n.value + 1, n.value - 1, 2**64, 10**100,
                                   -10**100, 2**63 - 1, n.value * 1000003])
        return True

    def m_expr(self):
        cands = self.loads(ast.expr)
        if not cands:
            return False
        p, f, i, n = self.rng.choice(cands)
        if isinstance(p, ast.JoinedStr) or isinstance(n, (ast.Starred, ast.FormattedValue)):
            return False
        self.replace(p, f, i, odd_expr(self.rng, sorted(self.names)))
        return True

    def m_swap_operands(self):
        cands = self.loads((ast.BinOp, ast.Compare, ast.BoolOp, ast.Subscript, ast.Call))
        if not cands:
            return False
        n = self.rng.choice(cands)[3]
        if isinstance(n, ast.BinOp):
            n.left, n.right = n.right, n.left
        elif isinstance(n, ast.Compare):
            n.left, n.comparators[-1] = n.comparators[-1], n.left
        elif isinstance(n, ast.BoolOp):
            self.rng.shuffle(n.values)
        elif isinstance(n, ast.Subscript):
            n.value, n.slice = n.slice, n.value
            if isinstance(n.slice, ast.Slice):
                return False
        elif isinstance(n, ast.Call):
            if len(n.args) < 2:
                return False
            self.rng.shuffle(n.args)
        return True

    def m_operator(self):
        cands = self.loads((ast.BinOp, ast.Compare, ast.UnaryOp, ast.AugAssign))
        cands += [(None, None, None, s) for s in ast.walk(self.tree) if isinstance(s, ast.AugAssign)]
        if not cands:
            return False
        n = self.rng.choice(cands)[3]
        if isinstance(n, (ast.BinOp, ast.AugAssign)):
            n.op = self.rng.choice(BINOPS)()
        elif isinstance(n, ast.Compare):
            k = self.rng.randrange(len(n.ops))
            n.ops[k] = self.rng.choice(CMPOPS)()
        else:
            n.op = self.rng.choice(UNOPS)()
        return True

    def m_name(self):
        cands = self.loads(ast.Name)
        if not cands or len(self.names) < 2:
            return False
        n = self.rng.choice(cands)[3]
        n.id = self.rng.choice(sorted(self.names))
        return True

    def m_attr(self):
        cands = self.loads(ast.Attribute)
        if not cands:
            return False
        n = self.rng.choice(cands)[3]
        n.attr = self.rng.choice(sorted(self.names) + ['__class__', '__dict__', '__init__',
                                                      '__next__', 'append', 'keys', '__iter__'])
        return True

    def m_args(self):
        cands = self.loads(ast.Call)
        if not cands:
            return False
        n = self.rng.choice(cands)[3]
        r = self.rng.random()
        if r < 0.3 and n.args:
            del n.args[self.rng.randrange(len(n.args))]
        elif r < 0.6:
            n.args.insert(self.rng.randrange(len(n.args) + 1), odd_expr(self.rng, []))
        elif r < 0.8 and n.keywords:
            del n.keywords[self.rng.randrange(len(n.keywords))]
        else:
            n.keywords.append(ast.keyword(self.rng.choice(['key', 'x', 'sep', 'end', 'reverse',
                                                           'default', 'start']),
                                          odd_expr(self.rng, [])))
        return True

    def m_delete_stmt(self):
        if not self.stmts:
            return False
        p, f = self.rng.choice(self.stmts)
        body = getattr(p, f)
        del body[self.rng.randrange(len(body))]
        if not body:
            body.append(ast.Pass())
        return True

    def m_dup_stmt(self):
        if not self.stmts:
            return False
        p, f = self.rng.choice(self.stmts)
        body = getattr(p, f)
        k = self.rng.randrange(len(body))
        body.insert(k, copy.deepcopy(body[k]))
        return True

    def m_swap_stmts(self):
        cands = [(p, f) for p, f in self.stmts if len(getattr(p, f)) > 1]
        if not cands:
            return False
        p, f = self.rng.choice(cands)
        body = getattr(p, f)
        i, j = self.rng.sample(range(len(body)), 2)
        body[i], body[j] = body[j], body[i]
        return True

    def m_insert_raise(self):
        if not self.stmts:
            return False
        p, f = self.rng.choice(self.stmts)
        body = getattr(p, f)
        src = self.rng.choice(['raise %s' % self.rng.choice(EXCS), 'raise', 'raise %s("f") from None'
                               % self.rng.choice(EXCS), 'return', 'return 1', 'yield', 'break',
                               'continue', 'del %s' % (self.rng.choice(sorted(self.names) or ['x'])),
                               'import sys; sys.exit(%d)' % self.rng.choice([0, 1, 3, 255]),
                               'assert False', '1 / 0', '%s = None' %
                               (self.rng.choice(sorted(self.names) or ['x']))])
        stmt = ast.parse(src).body
        k = self.rng.randrange(len(body) + 1)
        body[k:k] = stmt
        return True

    def m_wrap(self):
        if not self.stmts:
            return False
        p, f = self.rng.choice(self.stmts)
        body = getattr(p, f)
        k = self.rng.randrange(len(body))
        wrapper = ast.parse(self.rng.choice([
            'try:\n    pass\nexcept BaseException as e:\n    print(type(e).__name__)',
            'try:\n    pass\nfinally:\n    pass', 'for _ in range(2):\n    pass',
            'while True:\n    pass\n    break', 'def _f():\n    pass\n_f()',
            'with open("/dev/null") as _w:\n    pass', 'if 0:\n    pass'])).body[0]
        node = wrapper
        if isinstance(node, ast.Try):
            node.body = [body[k]]
        else:
            node.body[0] = body[k]
        body[k] = wrapper
        return True

    MUTATIONS = ['m_constant', 'm_int', 'm_expr', 'm_swap_operands', 'm_operator', 'm_name',
                 'm_attr', 'm_args', 'm_delete_stmt', 'm_dup_stmt', 'm_swap_stmts',
                 'm_insert_raise', 'm_wrap']

    def mutate(self, count):
        done = []
        for _ in range(count * 4):
            name = self.rng.choice(self.MUTATIONS)
            if getattr(self, name)():
                done.append(name)
                # positions of the new nodes are unknown; refresh the lists
                self.exprs, self.stmts = [], []
                self.collect(self.tree)
            if len(done) == count:
                break
        return done


def list_scripts():
    out = []
    for d, dirs, files in os.walk(os.path.join(ROOT, 'tests', 'py')):
        dirs[:] = [x for x in dirs if x != 'lib']
        for f in files:
            if f.endswith('.py') and not f.endswith('_mod.py'):
                out.append(os.path.join(d, f))
    return sorted(out)


def stage(src_dir, base, dst):
    """The private copy of a test's folder, as tests/run.sh makes it (without the script)."""
    for f in os.listdir(src_dir):
        path = os.path.join(src_dir, f)
        if f == base or (f.endswith(('.py', '.out', '.err', '.status', '.in', '.args')) and
                         not f.endswith('_mod.py')):
            continue
        if os.path.isdir(path):
            shutil.copytree(path, os.path.join(dst, f))
        else:
            shutil.copy(path, dst)


def run(cmd, cwd, timeout, stdin_path):
    env = dict(os.environ)
    env['ASAN_OPTIONS'] = 'detect_leaks=0:detect_stack_use_after_return=0:exitcode=%d' % SAN_STATUS
    env['UBSAN_OPTIONS'] = 'print_stacktrace=1:exitcode=%d' % SAN_STATUS
    env['PYTHONHASHSEED'] = '0'
    env['PYTHONIOENCODING'] = 'utf-8'
    with open(stdin_path or os.devnull, 'rb') as fin:
        try:
            p = subprocess.run(cmd, cwd=cwd, stdin=fin, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, timeout=timeout, env=env,
                               start_new_session=True)
            return p.returncode, p.stderr[-20000:]
        except subprocess.TimeoutExpired as e:
            return None, (e.stderr or b'')[-20000:]


def classify(status, err):
    """None when fine, else the kind of finding."""
    if b'AddressSanitizer' in err or b'LeakSanitizer' in err:
        return 'asan'
    if b'runtime error:' in err or status == SAN_STATUS:
        return 'ubsan' if b'runtime error:' in err else 'sanitizer'
    if status is None:
        return 'hang'
    if status < 0:
        return 'signal%d' % -status
    if status in (0, 1):
        return None
    return 'status%d' % status


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.count = 0
        self.findings = 0
        self.seen = set()
        os.makedirs(args.out, exist_ok=True)
        self.first = len([f for f in os.listdir(args.out) if f.endswith('.py')])
        self.scripts = list_scripts()
        self.trees = {}

    def tree_of(self, path):
        if path not in self.trees:
            try:
                with open(path, 'rb') as f:
                    self.trees[path] = ast.parse(f.read())
            except (SyntaxError, ValueError):
                self.trees[path] = None
        return self.trees[path]

    def check(self, path, src, workdir, note):
        """Runs src as if it were the script at path; records a finding. Returns its kind."""
        base = os.path.basename(path)
        for f in os.listdir(workdir):
            p = os.path.join(workdir, f)
            shutil.rmtree(p) if os.path.isdir(p) else os.unlink(p)
        stage(os.path.dirname(path), base, workdir)
        with open(os.path.join(workdir, base), 'w', encoding='utf-8', errors='surrogatepass') as f:
            f.write(src)
        stdin = path[:-3] + '.in'
        stdin = stdin if os.path.exists(stdin) else None
        status, err = run([self.args.trident, 'run', base], workdir, self.args.timeout, stdin)
        kind = classify(status, err)
        if kind is None:
            return None
        # what CPython does with the same program decides whether a hang or status is a bug
        # (a hang only counts when CPython is much faster: the ASan build is slow)
        if kind == 'hang' or kind.startswith('status'):
            t0 = time.time()
            pstatus, _ = run([PYTHON, base], workdir, self.args.timeout, stdin)
            if pstatus is None or pstatus == status or (
                    kind == 'hang' and time.time() - t0 > self.args.timeout / 5):
                return None
        self.record(kind, path, src, err, note)
        return kind

    def record(self, kind, path, src, err, note):
        # one report per (kind, top frames) so a bug found again and again is kept once
        key = (kind, first_frames(err))
        with self.lock:
            if key in self.seen:
                return
            self.seen.add(key)
            self.findings += 1
            stem = os.path.join(self.args.out, '%03d-%s' % (self.first + self.findings, kind))
        with open(stem + '.py', 'w', encoding='utf-8', errors='surrogatepass') as f:
            f.write(src)
        with open(stem + '.txt', 'wb') as f:
            f.write(('# from %s; mutations: %s\n' % (os.path.relpath(path, ROOT), note)).encode())
            f.write(err)
        print('mutate.py: %s: %s (%s)' % (kind, stem + '.py', os.path.relpath(path, ROOT)),
              flush=True)

    def worker(self, wid, deadline):
        rng = random.Random(self.args.seed * 1000 + wid)
        workdir = tempfile.mkdtemp(prefix='trfuzz')
        try:
            while time.time() < deadline:
                path = rng.choice(self.scripts)
                tree = self.tree_of(path)
                if tree is None:
                    continue
                tree = copy.deepcopy(tree)
                done = Mutator(tree, rng).mutate(rng.choice([1, 1, 2, 3, 5]))
                try:
                    src = ast.unparse(ast.fix_missing_locations(tree))
                except Exception:  # an odd mutation unparse cannot express
                    continue
                self.check(path, src, workdir, ' '.join(done))
                with self.lock:
                    self.count += 1
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def main(self):
        if self.args.replay:
            workdir = tempfile.mkdtemp(prefix='trfuzz')
            bad = 0
            for f in self.args.replay:
                with open(f, encoding='utf-8', errors='surrogatepass') as fh:
                    src = fh.read()
                status, err = run([self.args.trident, 'run', os.path.abspath(f)], workdir,
                                  self.args.timeout, None)
                kind = classify(status, err)
                print('%s: %s' % (f, kind or 'ok (status %s)' % status))
                bad += kind is not None
            shutil.rmtree(workdir, ignore_errors=True)
            return 1 if bad else 0
        deadline = time.time() + self.args.time
        threads = [threading.Thread(target=self.worker, args=(w, deadline))
                   for w in range(self.args.jobs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print('mutate.py: %d mutants run, %d findings (in %s)' %
              (self.count, self.findings, os.path.relpath(self.args.out, ROOT)))
        return 1 if self.findings else 0


def first_frames(err):
    frames = []
    for line in err.decode('utf-8', 'replace').splitlines():
        line = line.strip()
        if line.startswith('#') and ' in ' in line:
            fn = line.split(' in ', 1)[1].split(' ')[0]
            if not fn.startswith(('__asan', '__ubsan', '__sanitizer', '__interceptor')):
                frames.append(fn)
        if 'runtime error:' in line:
            frames.append(line.split('runtime error:')[0])
        if len(frames) == 3:
            break
    return tuple(frames)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--time', type=float, default=60, help='seconds to fuzz')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--seed', type=int, default=int(time.time()))
    ap.add_argument('--trident', default=os.path.join(ROOT, 'build-asan', 'trident'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'build-fuzz', 'mutate-findings'))
    ap.add_argument('--timeout', type=float, default=10, help='seconds per run')
    ap.add_argument('--replay', nargs='*', help='run these files only and classify them')
    args = ap.parse_args()
    args.trident = os.path.abspath(args.trident)
    args.out = os.path.abspath(args.out)
    print('mutate.py: seed %d' % args.seed, flush=True)
    sys.exit(Fuzzer(args).main())


if __name__ == '__main__':
    main()
