#!/usr/bin/env python3
"""patho.py -- classic pathological inputs for trident: deep nesting of every bracket and
operator, huge literals, long lines, many arguments/locals/constants, deep recursion through
builtins, self-referential containers, invalid UTF-8, NUL bytes, unterminated everything. Each is
run by trident and by CPython 3.11: a crash (signal, sanitizer report, hang) or an exit status
unlike CPython's is a FAIL; a different last line of stderr is a DIFF (reported, not fatal
unless --strict).

Usage: patho.py [--trident BIN] [--timeout S] [--strict] [-v] [FILTER]
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PYTHON = '/usr/bin/python3' if os.path.exists('/usr/bin/python3') else sys.executable
SAN_STATUS = 66


def nest(open_, close, n, inner='1'):
    return open_ * n + inner + close * n


def cases():
    """(name, source bytes)"""
    c = []

    def add(name, src):
        c.append((name, src.encode('utf-8', 'surrogatepass') if isinstance(src, str) else src))

    # --- deep nesting in the source: the parser's limits ----------------------------------
    for n in (50, 199, 200, 1000, 100000):
        add('paren%d' % n, 'x = ' + nest('(', ')', n) + '\nprint(x)\n')
        add('list%d' % n, 'x = ' + nest('[', ']', n) + '\nprint(len(x))\n')
        add('set%d' % n, 'x = ' + nest('{', '}', n) + '\n')
        add('dict%d' % n, 'x = ' + '{1: ' * n + '1' + '}' * n + '\n')
        add('call%d' % n, 'x = ' + 'f(' * n + '1' + ')' * n + '\n')
        add('subscr%d' % n, 'x = a' + '[0]' * n + '\n')
        add('callchain%d' % n, 'x = a' + '()' * n + '\n')
        add('attr%d' % n, 'x = a' + '.b' * n + '\n')
    for n in (100, 1000, 10000, 100000):
        add('unary_minus%d' % n, 'print(' + '-' * n + '1)\n')
        add('unary_not%d' % n, 'print(' + 'not ' * n + 'True)\n')
        add('unary_invert%d' % n, 'print(' + '~' * n + '1)\n')
        add('binop_add%d' % n, 'print(' + '1 + ' * n + '1)\n')
        add('binop_pow%d' % n, 'print(' + '1 ** ' * n + '1)\n')
        add('compare%d' % n, 'print(' + '1 < ' * n + '2)\n')
        add('boolop%d' % n, 'print(' + 'x and ' * n + 'x)\n')
        add('ternary%d' % n, 'print(' + '1 if x else ' * n + '0)\n')
        add('lambda%d' % n, 'f = ' + 'lambda: ' * n + '0\n')
        add('await%d' % n, 'async def f():\n    ' + 'await ' * n + 'x\n')
        add('star%d' % n, 'print(' + '*' * n + 'x)\n')
        add('walrus%d' % n, 'print(' + '(a := ' * n + '1' + ')' * n + ')\n')
        add('assign_chain%d' % n, 'a = ' * n + '1\nprint(a)\n')
        add('fstring_exprs%d' % n, 'x = 1\nprint(f"' + '{x}' * n + '")\n')
        add('elif%d' % n, 'x = 3\nif x == 0:\n    pass\n' +
            ''.join('elif x == %d:\n    print(%d)\n' % (i, i) for i in range(1, n)))
        add('comprehension%d' % n, 'print(' + '[' * n + 'x' + ' for x in [1]]' * n + ')\n')
    for n in (20, 99, 100, 101, 1000):
        add('indent%d' % n, ''.join(' ' * i + 'if 1:\n' for i in range(n)) + ' ' * n + 'print(1)\n')
        add('defs%d' % n, ''.join(' ' * i + 'def f%d():\n' % i for i in range(n)) +
            ' ' * n + 'pass\n')
        add('fstring_nest%d' % n, 'print(' + 'f"{' * n + '1' + '}"' * n + ')\n')
        add('try%d' % n, ''.join(' ' * i + 'try:\n' for i in range(n)) + ' ' * n + 'pass\n' +
            ''.join(' ' * i + 'finally:\n' + ' ' * i + ' pass\n' for i in reversed(range(n))))
        add('with%d' % n, ''.join(' ' * i + 'with open("/dev/null"):\n' for i in range(n)) +
            ' ' * n + 'pass\nprint("ok")\n')
        add('for%d' % n, ''.join(' ' * i + 'for _ in [1]:\n' for i in range(n)) + ' ' * n +
            'print(1)\n')
        add('class%d' % n, ''.join(' ' * i + 'class C%d:\n' % i for i in range(n)) + ' ' * n +
            'pass\nprint("ok")\n')
        add('match%d' % n, 'match x:\n    case ' + '[' * n + '1' + ']' * n + ':\n        pass\n')
        add('pattern_or%d' % n, 'x = 1\nmatch x:\n    case ' + ' | '.join(str(i) for i in range(n))
            + ':\n        print("hit")\n')

    # --- big things -------------------------------------------------------------------------
    add('int_4300_digits', 'x = ' + '9' * 4300 + '\nprint(x % 7)\n')
    add('int_4301_digits', 'x = ' + '9' * 4301 + '\nprint(x % 7)\n')
    add('int_1m_digits', 'x = ' + '9' * 1000000 + '\n')
    add('hex_huge', 'x = 0x' + 'f' * 100000 + '\nprint(x.bit_length())\n')
    add('float_huge', 'print(' + '9' * 1000 + '.0, 1e99999, 1e-99999, 0.' + '0' * 1000 + '1)\n')
    add('str_10mb', 'x = "' + 'a' * 10000000 + '"\nprint(len(x))\n')
    add('bytes_1mb', 'x = b"' + '\\xff' * 1000000 + '"\nprint(len(x))\n')
    add('long_line_1mb', 'x = 0' + ' + 1' * 250000 + '\nprint(x)\n')
    add('comment_10mb', '#' + 'c' * 10000000 + '\nprint(1)\n')
    add('ident_1mb', 'x' * 1000000 + ' = 1\nprint(len(dir()))\n')
    add('list_literal_100k', 'x = [' + '1, ' * 100000 + ']\nprint(len(x))\n')
    add('dict_literal_100k', 'x = {' + ''.join('%d: 0, ' % i for i in range(100000)) + '}\n'
        'print(len(x))\n')
    add('tuple_literal_100k', 'x = (' + ''.join('%d, ' % i for i in range(100000)) + ')\n'
        'print(len(x))\n')
    add('call_300_args', 'print(' + '1, ' * 300 + ')\n')
    add('call_100k_args', 'print(len([' + '1, ' * 100000 + ']), max(' + '1, ' * 100000 + '))\n')
    add('call_star_1m', 'print(max(*range(1000000)))\n')
    add('call_kw_10k', 'def f(**k): return len(k)\nprint(f(' +
        ''.join('a%d=1, ' % i for i in range(10000)) + '))\n')
    add('def_10k_params', 'def f(' + ', '.join('a%d' % i for i in range(10000)) + '): return a9999\n'
        'print(f(*range(10000)))\n')
    add('locals_70k', 'def f():\n' + ''.join('    v%d = %d\n' % (i, i) for i in range(70000)) +
        '    return v69999\nprint(f())\n')
    add('consts_70k', 'x = [' + ', '.join('%d.5' % i for i in range(70000)) + ']\nprint(x[-1])\n')
    add('names_70k', ''.join('g%d = %d\n' % (i, i) for i in range(70000)) + 'print(g69999)\n')
    add('statements_200k', 'x = 0\n' + 'x += 1\n' * 200000 + 'print(x)\n')
    add('big_jump', 'x = 0\nwhile x < 2:\n' + '    x += 1\n' * 30000 + 'print(x)\n')
    add('many_excepts', 'try:\n    raise KeyError\n' + ''.join('except E%d:\n    pass\n' % i
                                                          for i in range(1000)) +
        'except KeyError:\n    print("k")\n')

    # --- runtime recursion and self-reference -------------------------------------------------
    rt = {
        'recurse_plain': 'def f(n): return f(n + 1)\nf(0)\n',
        'recurse_sorted_key': 'def f(x): return sorted([x, x], key=f)\nf(1)\n',
        'recurse_map': 'def f(x): return list(map(f, [x]))\nf(1)\n',
        'recurse_filter': 'def f(x): return list(filter(f, [x]))\nf(1)\n',
        'recurse_min_key': 'def f(x): return min([x, x], key=f)\nf(1)\n',
        'recurse_repr': 'class A:\n    def __repr__(self): return repr(self)\nprint(A())\n',
        'recurse_str': 'class A:\n    def __str__(self): return str(self)\nprint(A())\n',
        'recurse_eq': 'class A:\n    def __eq__(self, o): return self == o\nA() == A()\n',
        'recurse_hash': 'class A:\n    def __hash__(self): return hash(self)\n{A()}\n',
        'recurse_getattr': 'class A:\n    def __getattr__(self, n): return self.x\nA().y\n',
        'recurse_getattribute': 'class A:\n    def __getattribute__(self, n): return self.x\n'
                                'A().y\n',
        'recurse_iter': 'class A:\n    def __iter__(self): return iter(self)\niter(A())\n',
        'recurse_len': 'class A:\n    def __len__(self): return len(self)\nlen(A())\n',
        'recurse_bool': 'class A:\n    def __bool__(self): return bool(self)\nbool(A())\n',
        'recurse_add': 'class A:\n    def __add__(self, o): return self + o\nA() + 1\n',
        'recurse_init': 'class A:\n    def __init__(self): A()\nA()\n',
        'recurse_call': 'class A:\n    def __call__(self): return self()\nA()()\n',
        'recurse_gen': 'def g(n):\n    yield from g(n + 1)\nnext(g(0))\n',
        'recurse_genexpr': 'def f(): return sum(f() for _ in [1])\nf()\n',
        'recurse_lambda_sort': 'f = lambda x: sorted([1, 2], key=f)\nf(1)\n',
        'recurse_format': 'class A:\n    def __format__(self, s): return format(self, s)\n'
                          'f"{A()}"\n',
        'recurse_contains': 'class A:\n    def __contains__(self, x): return x in self\n1 in A()\n',
        'recurse_getitem': 'class A:\n    def __getitem__(self, i): return self[i]\nA()[0]\n',
        'recurse_setattr': 'class A:\n    def __setattr__(self, n, v): setattr(self, n, v)\n'
                           'A().x = 1\n',
        'recurse_del_exc': 'def f():\n    try:\n        f()\n    finally:\n        pass\nf()\n',
        'recurse_except': 'def f():\n    try:\n        raise ValueError\n    except ValueError:\n'
                          '        f()\nf()\n',
        'recurse_class_body': 'def f():\n    class A:\n        f()\nf()\n',
        'recurse_decorator': 'def d(fn):\n    return d(fn)\n@d\ndef f(): pass\n',
        'recurse_max_default': 'def f(): return max([], default=f())\nf()\n',
        'recurse_dict_key': 'class K:\n    def __hash__(self): return 1\n'
                            '    def __eq__(self, o): return {self: 1}[o]\n{K(): 1}[K()]\n',
        'recurse_metaclass_repr': 'class M(type):\n    def __repr__(c): return repr(c)\n'
                                  'class A(metaclass=M): pass\nprint(A)\n',
        'recurse_super_chain': 'class A:\n    def f(self): return type(self).f(self)\nA().f()\n',
        'self_list': 'a = []\na.append(a)\nprint(a, len(str(a)), a == a, a in a)\n',
        'self_dict': 'd = {}\nd[1] = d\nprint(d, repr(d))\n',
        'self_mixed': 'a = [1]\nd = {"a": a}\na.append(d)\nt = (a, d)\na.append(t)\nprint(a, d, t)\n',
        'self_eq_two': 'a = [1]\na.append(a)\nb = [1]\nb.append(b)\nprint(a == b)\n',
        'self_lt_two': 'a = [1]\na.append(a)\nb = [1]\nb.append(b)\nprint(a < b)\n',
        'self_dict_eq': 'a = {}\na[0] = a\nb = {}\nb[0] = b\nprint(a == b)\n',
        'self_sorted': 'a = [1]\na.append(a)\nprint(sorted([a, a]))\n',
        'self_hash_tuple': 'a = []\nt = (a,)\na.append(t)\nhash(t)\n',
        'self_extend': 'a = [1, 2]\na.extend(a)\na += a\na[:] = a\na[1:1] = a\nprint(a)\n',
        'self_set_iter_mutate': 's = {1, 2}\nfor x in s:\n    s.add(x + 10)\n',
        'self_dict_iter_mutate': 'd = {1: 2}\nfor k in d:\n    d[k + 1] = 0\n',
        'self_list_sort_mutate': 'a = [3, 1, 2]\na.sort(key=lambda x: a.clear() or x)\nprint(a)\n',
        'self_list_iter_mutate': 'a = [1]\nfor x in a:\n    if len(a) < 100000:\n'
                                 '        a.append(x)\nprint(len(a))\n',
        'self_list_cmp_mutate': 'class X:\n    def __eq__(self, o):\n        a.clear()\n'
                                '        return False\na = [X(), X(), X()]\nprint(a.count(1), a)\n',
        'self_dict_eq_mutate': 'class X:\n    def __hash__(self): return 0\n'
                               '    def __eq__(self, o):\n        d.clear()\n        return False\n'
                               'd = {X(): 1, X(): 2}\nprint(d.get(X()))\n',
        'self_list_index_mutate': 'class X:\n    def __eq__(self, o):\n        del a[:]\n'
                                  '        return False\na = [X()] * 5\nprint(X() in a)\n',
        'self_repr_mutate': 'class X:\n    def __repr__(self):\n        a.clear()\n'
                            '        return "x"\na = [X(), X(), X()]\nprint(a)\n',
        'self_dictrepr_mutate': 'class X:\n    def __repr__(self):\n        d.clear()\n'
                                '        return "x"\nd = {1: X(), 2: X()}\nprint(d)\n',
        'nested_repr_deep': 'a = []\nfor _ in range(100000):\n    a = [a]\nprint(len(repr(a)))\n',
        'nested_dict_deep': 'a = {}\nfor _ in range(100000):\n    a = {1: a}\nprint(len(str(a)))\n',
        'nested_tuple_hash': 't = ()\nfor _ in range(100000):\n    t = (t,)\nprint(hash(t) == hash(t))\n',
        'nested_eq_deep': 'a = []\nb = []\nfor _ in range(100000):\n    a = [a]\n    b = [b]\n'
                          'print(a == b)\n',
        'nested_iter_deep': 'it = iter([1])\nfor _ in range(100000):\n    it = map(abs, it)\n'
                            'print(list(it))\n',
        'nested_zip_deep': 'it = [1]\nfor _ in range(100000):\n    it = zip(it)\nprint(next(iter(it)) is not None)\n',
        'nested_gen_deep': 'def g(it):\n    yield from it\nit = iter([1])\n'
                           'for _ in range(100000):\n    it = g(it)\nprint(list(it))\n',
        'nested_exc_context': 'e = None\nfor i in range(100000):\n    try:\n        raise ValueError(i) from e\n'
                              '    except ValueError as x:\n        e = x\nraise e\n',
        'nested_chain_map_sum': 'it = range(10)\nfor _ in range(100000):\n    it = filter(None, it)\n'
                                'print(sum(it))\n',
        'exec_in_exception': 'class E(Exception):\n    def __str__(self): raise E()\nraise E()\n',
        'exc_repr_raises': 'class E(Exception):\n    def __repr__(self): raise ValueError\n'
                           'try:\n    raise E(1)\nexcept E as e:\n    print(e)\n',
        'del_during_call': 'class A:\n    def __del__(self): raise ValueError\na = A()\ndel a\nprint(1)\n',
        'huge_alloc': 'x = [0] * (2 ** 62)\n',
        'huge_alloc_str': 'x = "a" * (2 ** 62)\n',
        'huge_alloc_bytes': 'x = b"a" * (2 ** 62)\n',
        'huge_range_len': 'print(len(range(2 ** 64)))\n',
        'huge_shift': 'print(1 << (2 ** 64))\n',
        'huge_repeat_neg': 'print([1] * -5, "a" * -(2 ** 70), (1,) * (-2 ** 63))\n',
        'huge_pow_float': 'print(10.0 ** 400)\n',
        'huge_int_to_str': 'print(10 ** 5000)\n',
        'huge_format_width': 'print(format(1, "99999999999999999999d"))\n',
        'huge_format_prec': 'print("%.2147483648f" % 1.0)\n',
        'huge_str_index': 'print("abc"[2 ** 63], 1)\n',
        'huge_slice': 'print("abc"[-2 ** 100:2 ** 100:2 ** 70], [1, 2][::-(2 ** 63)])\n',
        'huge_list_index': 'a = [1]\na.insert(2 ** 100, 2)\nprint(a)\n',
        'huge_center': 'print(len("x".center(-2 ** 63)))\n',
        'huge_expandtabs': 'print("\\t".expandtabs(2 ** 62))\n',
        'huge_round': 'print(round(1.5, 2 ** 63), round(12345, -(2 ** 63)))\n',
        'huge_chr': 'print(chr(2 ** 63))\n',
        'huge_range_step': 'print(list(range(0, 10, 2 ** 64)), range(-2**63, 2**63)[2**63])\n',
        'zero_div_all': 'for op in ["1 // 0", "1 % 0", "1.0 / 0", "divmod(1, 0)", "0 ** -1", '
                        '"pow(2, -1, 0)", "1 << -1"]:\n    try:\n        eval(op)\n'
                        '    except Exception as e:\n        print(type(e).__name__, e)\n',
        'int_min_ops': 'm = -2 ** 63\nprint(m // -1, m % -1, -m, abs(m), m * -1, divmod(m, -1))\n',
        'exit_huge': 'import sys\nsys.exit(2 ** 100)\n',
        'exit_obj': 'import sys\nsys.exit([1, 2])\n',
    }
    for name, src in rt.items():
        add(name, src)

    # --- encodings, bytes, odd characters ---------------------------------------------------
    add('utf8_invalid', b'x = 1\nprint("\xff")\n')
    add('utf8_invalid_comment', b'# \xff\xfe\nprint(1)\n')
    add('utf8_truncated', b'print("\xe2\x82")\n')
    add('utf8_overlong', b'print("\xc0\xaf")\n')
    add('utf8_surrogate', b'print("\xed\xa0\x80")\n')
    add('utf8_bom', b'\xef\xbb\xbfprint(1)\n')
    add('utf8_bom_latin1', b'\xef\xbb\xbf# coding: latin-1\nprint(1)\n')
    add('coding_latin1', b'# -*- coding: latin-1 -*-\nprint("\xe9")\n')
    add('coding_unknown', b'# coding: klingon\nprint(1)\n')
    add('nul_start', b'\x00print(1)\n')
    add('nul_string', b'print("a\x00b")\n')
    add('nul_comment', b'# \x00\nprint(1)\n')
    add('nul_only', b'\x00')
    add('nul_many', b'\x00' * 100000)
    add('ctrl_chars', b'print(1)\x01\n')
    add('formfeed', b'\x0cprint(1)\n\x0c\nif 1:\n\x0c    print(2)\n')
    add('cr_only', b'x = 1\rprint(x)\r')
    add('crlf', b'x = 1\r\nprint(x)\r\n')
    add('no_final_newline', b'print(1)')
    add('backslash_eof', b'x = 1 \\')
    add('backslash_eof_nl', b'x = 1 \\\n')
    add('tab_mix', b'if 1:\n\tx = 1\n        print(x)\n')
    add('tab_mix2', b'if 1:\n        x = 1\n\tprint(x)\n')
    add('dedent_bad', b'if 1:\n        x = 1\n    print(x)\n')
    add('indent_unexpected', b'print(1)\n    print(2)\n')
    add('unicode_ident', 'é = 1\nπ = 2\nprint(é + π)\n')
    add('unicode_bad_ident', 'x€ = 1\n')
    add('unicode_nbsp', 'x\u00a0= 1\n')
    add('unicode_quote', 'print(\u201chello\u201d)\n')
    add('empty', b'')
    add('only_comment', b'# nothing')
    add('only_newlines', b'\n' * 100000)
    add('only_spaces', b' ' * 100000)
    add('only_indent', b'    \n' * 1000)
    # --- unterminated everything ---------------------------------------------------------------
    for i, s in enumerate(['"abc', "'abc", '"""abc', "'''abc\n\n", 'b"abc', 'rb"\\', 'f"{',
                           'f"{x', 'f"{x!', 'f"{x!r', 'f"{x:', 'f"{x:{y', 'f"{x}', 'f"""{\n',
                           'f"{x!z}"', 'f"{}"', 'f"{x:{y:{z}}}"', 'f"{lambda x: 1}"', '(', '[1,',
                           '{1:', '{1', 'def f(', 'def f(a', 'def f():', 'class', 'class C(',
                           'if x:', 'if x', 'while', 'for x in', 'try:', 'try:\n    pass\n',
                           'with', 'with a as', 'lambda', 'lambda x', '@', '@d\n', 'x =', 'x +',
                           'x.', 'import', 'from', 'from . import', 'from x import (', 'async',
                           'await', 'match x:', 'match x:\n    case', 'x[1:', 'x if', 'x if y else',
                           'print(1', 'print("a" "b', 'u"', '0x', '0b2', '0o8', '1__0', '1e', '1_',
                           '09', '0_7', '1.e', '1j1', '"\\N{', '"\\N{foo}"', '"\\x1"', "b'\\u1234'",
                           'b"é"', '...', '..', '`x`', '$', '?', '!', 'x = 1; ;', 'del', 'del ()',
                           'global', 'nonlocal x', 'return', 'yield', 'break', 'continue',
                           'raise from', '*a', '**a', 'a :=', 'def f(*): pass', 'def f(**k, a): pass',
                           'def f(a=1, b): pass', 'f(**k, *a)', 'f(a=1, b)', 'f(x for x in y, 1)',
                           'x = yield = 1', '(a, b) += 1', 'None = 1', '__debug__ = 1',
                           'def f(x, x): pass', 'class C: return', 'nonlocal x\n',
                           'def f():\n    global x\n    x = 1\n    global x\n',
                           'def f():\n    x = 1\n    global x\n', 'print(*)', 'a, *b, *c = d',
                           'print(f"{x=!r:^20}")', 'f"{x:{y:{z:{w}}}}"', '"\\777"', "'\\'",
                           '"""\n' * 3, '#' * 10, '\\', '\\\n', '(\n' * 100, 'if 1:\n' * 50]):
        add('unterminated_%03d' % i, s)
    return c


def run(cmd, path, timeout):
    env = dict(os.environ)
    env['ASAN_OPTIONS'] = 'detect_leaks=0:detect_stack_use_after_return=0:exitcode=%d' % SAN_STATUS
    env['UBSAN_OPTIONS'] = 'print_stacktrace=1:exitcode=%d' % SAN_STATUS
    env['PYTHONIOENCODING'] = 'utf-8'
    try:
        p = subprocess.run(cmd + [os.path.basename(path)], cwd=os.path.dirname(path),
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, env=env, start_new_session=True)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b'', e.stderr or b''


def last_line(b):
    lines = b.decode('utf-8', 'replace').rstrip('\n').split('\n')
    return lines[-1] if lines else ''


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--trident', default=os.path.join(ROOT, 'build-asan', 'trident'))
    ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('--strict', action='store_true', help='a DIFF fails too')
    ap.add_argument('--keep', help='write the inputs to this folder')
    ap.add_argument('-v', action='store_true', help='show every case')
    ap.add_argument('filter', nargs='?', default='')
    args = ap.parse_args()
    trident = os.path.abspath(args.trident)
    fails = diffs = n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, src in cases():
            if args.filter not in name:
                continue
            n += 1
            path = os.path.join(tmp, 'p_%s.py' % name)
            with open(path, 'wb') as f:
                f.write(src)
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                with open(os.path.join(args.keep, name + '.py'), 'wb') as f:
                    f.write(src)
            ts, tout, terr = run([trident, 'run'], path, args.timeout)
            ps, pout, perr = run([PYTHON], path, args.timeout)
            tl, pl = last_line(terr), last_line(perr)
            sanitizer = b'Sanitizer' in terr or b'runtime error:' in terr or ts == SAN_STATUS
            # where CPython itself crashes or hangs, any orderly exit of trident is fine
            cpython_broke = ps is None or ps < 0
            if sanitizer or ts is None and not cpython_broke or (ts is not None and ts < 0) \
                    or ts != ps and not (cpython_broke and ts in (0, 1)):
                fails += 1
                what = 'sanitizer report' if sanitizer else 'timeout' if ts is None \
                    else 'signal %d' % -ts if ts < 0 else 'status %s (CPython %s)' % (ts, ps)
                print('FAIL %s: %s\n    trident: %s\n    cpython: %s' % (name, what, tl[:300],
                                                                        pl[:300]))
                if sanitizer:
                    for line in terr.decode('utf-8', 'replace').splitlines():
                        if 'ERROR:' in line or 'runtime error' in line or line.strip()[:3] in (
                                '#0 ', '#1 ', '#2 ', '#3 ', '#4 '):
                            print('      ' + line.strip()[:200])
            elif tl != pl or tout != pout:
                diffs += 1
                print('DIFF %s: status %s\n    trident: %s\n    cpython: %s%s' %
                      (name, ts, tl[:300], pl[:300],
                       '' if tout == pout else '\n    (stdout differs)'))
            elif args.v:
                print('ok   %s: status %s: %s' % (name, ts, tl[:100]))
    print('patho.py: %d cases, %d FAIL (crash, hang or exit status unlike CPython), '
          '%d DIFF (other message)' % (n, fails, diffs))
    return 1 if fails or (args.strict and diffs) else 0


if __name__ == '__main__':
    sys.exit(main())
