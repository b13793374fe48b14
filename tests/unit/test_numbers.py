#!/usr/bin/env python3
"""Compares int/float/complex/math results of the C driver (test_numbers.c) with CPython's.
Usage: test_numbers.py DRIVER [section...]   all cases live; prints mismatches, exit 1 if any
       test_numbers.py --cases FILE          writes a sample for the unit test (make test)"""
import math, operator, subprocess, sys, random


def enc(v):
    if v is None: return 'n:'
    if v is True: return 'b:T'
    if v is False: return 'b:F'
    if isinstance(v, int):
        sys.set_int_max_str_digits(0)
        s = 'i:%d' % v
        sys.set_int_max_str_digits(4300)
        return s
    if isinstance(v, float): return 'f:' + encf(v)
    if isinstance(v, complex): return 'c:%s,%s' % (encf(v.real), encf(v.imag))
    if isinstance(v, str): return 's:' + v.encode().hex()
    if isinstance(v, bytes): return 'y:' + v.hex()
    raise TypeError(v)

def encf(f):
    if math.isnan(f): return 'nan'
    if math.isinf(f): return 'inf' if f > 0 else '-inf'
    return f.hex()

def res(fn):
    try:
        r = fn()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
    if r is NotImplemented: return 'NotImplemented'
    try:
        return repr(r)
    except Exception as e:
        return '<repr failed %s: %s>' % (type(e).__name__, e)

BINOPS = [operator.add, operator.and_, operator.floordiv, operator.lshift, operator.matmul,
          operator.mul, operator.mod, operator.or_, operator.pow, operator.rshift, operator.sub,
          operator.truediv, operator.xor]
CMPS = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge]
UNOPS = [operator.neg, operator.pos, operator.invert]

cases = []
def case(line, fn): cases.append((line, res(fn)))

random.seed(7)
INTS = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, 256, -256, 2**31, 2**53, 2**53 + 1, -2**53 - 1,
        2**61 - 1, 2**61, -2**61, -2**61 - 1, 2**62, 2**63 - 1, 2**63, -2**63, 2**64, 10**20,
        -10**20, 3**100, -(7**90), 2**1023, 2**1024, 2**1024 - 2**970, 2**1024 - 2**971,
        12345678901234567890123, True, False]
INTS += [random.randrange(-2**130, 2**130) for _ in range(6)]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 1e16, 1e-5, 1e300, 1e-300, 5e-324,
          2.0**53, 2.0**63, 2.0**64, -2.0**61, 3.7, -3.7, 1e308, float('inf'), float('-inf'),
          float('nan'), 123456.789, 2.0**1023]
SMALL = [0, 1, -1, 2, -3, 5, 64, 100, 2**61, -2**61 - 5, 3**40, True, 0.0, -0.0, 0.5, -2.5,
         3.0, 1e300, float('inf'), float('nan'), 1 + 2j, -1j, 0j, complex(1e300, 1e300)]

def sec_int():
    vals = INTS
    for a in vals:
        for b in vals[:20] + [3**100, -(7**90), 2**64]:
            for k, op in enumerate(BINOPS):
                if op in (operator.pow,) and (isinstance(b, int) and abs(b) > 300): continue
                if op is operator.lshift and isinstance(b, int) and b > 5000: continue
                case('bin %d %s %s' % (k, enc(a), enc(b)), lambda: op(a, b))
            for k, op in enumerate(CMPS):
                case('cmp %d %s %s' % (k, enc(a), enc(b)), lambda: op(a, b))
        for k, op in enumerate(UNOPS):
            case('un %d %s' % (k, enc(a)), lambda: op(a))
        case('repr %s' % enc(a), lambda: repr(a))
        case('hash %s' % enc(a), lambda: hash(a))
        case('divmod %s %s' % (enc(a), enc(7)), lambda: divmod(a, 7))
        case('divmod %s %s' % (enc(a), enc(-10**30)), lambda: divmod(a, -10**30))
        for m in [5, -5, 1, 0, 2**70 + 1]:
            for e in [0, 3, -1, 10**20]:
                case('pow3 %s %s %s' % (enc(a), enc(e), enc(m)), lambda: pow(a, e, m))
        for nd in [None, 0, 2, -1, -2, -5, -30]:
            case('round %s%s' % (enc(a), '' if nd is None else ' ' + enc(nd)),
                 lambda: round(a) if nd is None else round(a, nd))
        for meth in ['bit_length', 'bit_count', 'conjugate', 'as_integer_ratio', '__trunc__',
                     '__floor__', '__ceil__', '__index__', '__float__', '__abs__']:
            case('meth %s %s' % (meth, enc(a)), lambda: getattr(a, meth)())
    for a in INTS + FLOATS:
        for b in FLOATS:
            for k, op in enumerate(CMPS):
                case('cmp %d %s %s' % (k, enc(a), enc(b)), lambda: op(a, b))
                case('cmp %d %s %s' % (k, enc(b), enc(a)), lambda: op(b, a))

def sec_intstr():
    strs = ['0', '12', ' -12 ', '+7', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101',
            '0b_101', '0_0', '00', '010', '0x', '', ' ', 'abc', '12a', '٣٤', '1\u2003', 'z',
            'Z', '1' * 30, '-' + '9' * 50, '0x' + 'f' * 40, '1' * 4300, '1' * 4301, 'x' * 300,
            '+', '-0', '0b1', '1 2', '\t\n 5 \x0c', '١٢٣']
    for s in strs:
        for base in [None, 0, 2, 8, 10, 16, 36, 37, 1]:
            if base is None:
                case('call int %s' % enc(s), lambda: int(s))
            else:
                case('call int %s %s' % (enc(s), enc(base)), lambda: int(s, base))
        case('call int %s' % enc(s.encode()), lambda: int(s.encode()))
    for v in [1.5, -1.5, 1e300, float('inf'), float('nan'), -0.0, True, 2**70, 1+2j, None]:
        case('call int %s' % enc(v), lambda: int(v))
    case('call int i:5 i:10', lambda: int(5, 10))
    case('call int', lambda: int())
    for v in INTS + [10**4299, 10**4300]:
        for b in [2, 8, 16, 10]:
            pass
        case('str %s' % enc(v), lambda: str(v))
    for v in [0, 1, -1, 255, -256, 2**64, -2**64 - 1, 127, -128, 128]:
        for ln in [0, 1, 2, 9]:
            for order in ['big', 'little']:
                for signed in [False, True]:
                    case('kw to_bytes_%s 0' % enc(v), None) if False else None
                    case('meth to_bytes %s %s %s' % (enc(v), enc(ln), enc(order)),
                         lambda: v.to_bytes(ln, order))
    for bs in [b'', b'\x00', b'\xff', b'\x01\x00', b'\xff\x00\x80', b'\x80' + b'\x00' * 20]:
        for order in ['big', 'little']:
            case('tmeth int from_bytes %s %s' % (enc(bs), enc(order)),
                 lambda: int.from_bytes(bs, order))
    case('meth to_bytes i:1 i:1 %s' % enc('mid'), lambda: (1).to_bytes(1, 'mid'))

def sec_float():
    vals = FLOATS + [1, -3, 2**70, True]
    for a in FLOATS:
        case('repr %s' % enc(a), lambda: repr(a))
        case('hash %s' % enc(a), lambda: hash(a) if a == a else 0) if a == a else None
        for b in vals:
            for k, op in enumerate(BINOPS):
                case('bin %d %s %s' % (k, enc(a), enc(b)), lambda: op(a, b))
                case('bin %d %s %s' % (k, enc(b), enc(a)), lambda: op(b, a))
            case('divmod %s %s' % (enc(a), enc(b)), lambda: divmod(a, b))
        for k, op in enumerate(UNOPS):
            case('un %d %s' % (k, enc(a)), lambda: op(a))
        for nd in [None, 0, 1, 2, 5, -1, -2, -308, 400, -400]:
            case('round %s%s' % (enc(a), '' if nd is None else ' ' + enc(nd)),
                 lambda: round(a) if nd is None else round(a, nd))
        for meth in ['hex', 'is_integer', 'as_integer_ratio', 'conjugate', '__trunc__',
                     '__floor__', '__ceil__', '__int__']:
            case('meth %s %s' % (meth, enc(a)), lambda: getattr(a, meth)())
    for i in range(2000):
        x = random.choice([random.random(), random.uniform(-1e6, 1e6),
                           math.ldexp(random.random(), random.randint(-1074, 1023)),
                           float(random.randint(1, 10**17))])
        case('repr %s' % enc(x), lambda: repr(x))
        case('hash %s' % enc(x), lambda: hash(x))
    for i in range(300):
        x = math.ldexp(random.random(), random.randint(-40, 60))
        n = random.randint(-5, 12)
        case('round %s %s' % (enc(x), enc(n)), lambda: round(x, n))
    for e in range(-1074, 1024, 7):
        x = 2.0 ** e
        case('repr %s' % enc(x), lambda: repr(x))
    strs = ['1.5', ' -1.5e3 ', '1_0.5', '1__0', '.5', '5.', '.', 'e5', '1e', '1e+', 'inf',
            '-Infinity', 'nan', '+NaN', 'nan(1)', '0x10', 'infinit', '١٢٣.٥', '1e400', '-1e400',
            '1e-400', '', ' ', 'x', '1_e5', '1e1_0', '1.5_', '\u20031.5\u2003']
    for s in strs:
        case('call float %s' % enc(s), lambda: float(s))
        case('call float %s' % enc(s.encode()), lambda: float(s.encode()))
    for v in [1, 2**1024, True, None, 1j]:
        case('call float %s' % enc(v), lambda: float(v))
    hexes = ['1.8p1', '0x1.8p1', '-0x1p-1074', '0x1p-1075', '0x1.0000000000001p-1074', 'inf',
             ' 0x1p0 ', '0x1p99999', 'zz', '0x.8', '0x1.', '0xp1', '1p', '0x1.fffffffffffff8p1023',
             '0x1.fffffffffffff7p1023', 'nan', '-infinity', '0x1P+3', 'ff']
    for h in hexes:
        case('tmeth float fromhex %s' % enc(h), lambda: float.fromhex(h))

def sec_format():
    fvals = [0.0, -0.0, 1.0, 1.5, -2.5, 0.1, 1e16, 1e-5, 123456789.0, 1e300, 5e-324,
             float('inf'), float('-inf'), float('nan'), 0.0001, 12.0, 1234.5678, 2.675]
    specs = ['', '10', '.3', '.0', 'e', 'E', '.2e', 'f', 'F', '.2f', '.0f', 'g', 'G', '.3g',
             '#.3g', '#g', '#.0f', '#.0e', '%', '.1%', 'n', '.20f', '.17g', '.30e', '#', '.1',
             '.12']
    for v in fvals:
        for s in specs:
            case('fmt %s %s' % (enc(v), enc(s)), lambda: format(v, s))
    for v in [1+2j, -1j, 0j, complex(-0.0, -1), 1.5+2.25j, complex(1e20, 1), complex(float('nan'), float('inf'))]:
        case('repr %s' % enc(v), lambda: repr(v))
        for s in ['', '10', '.2f', '+', '+.1f', 'g', '.3', '<20', 'e', '>20.3e']:
            case('fmt %s %s' % (enc(v), enc(s)), lambda: format(v, s))
    for v in [0, 1, -5, 2**70]:
        for s in ['', 'e', '.2f', '%', 'g']:
            case('fmt %s %s' % (enc(v), enc(s)), lambda: format(v, s))

def sec_complex():
    vals = [0j, 1j, 1 + 2j, -1.5 - 0.5j, complex(1e300, 1e300), complex(0, -0.0),
            complex(float('inf'), 1), complex(float('nan'), 0), 2, 0, 2.5, -0.0, True, 2**70]
    for a in vals:
        for b in vals:
            for k, op in enumerate(BINOPS):
                if op is operator.pow and isinstance(a, int) and isinstance(b, int) and b > 100:
                    continue
                case('bin %d %s %s' % (k, enc(a), enc(b)), lambda: op(a, b))
            for k in (2, 3):
                case('cmp %d %s %s' % (k, enc(a), enc(b)), lambda: CMPS[k](a, b))
        if isinstance(a, complex):
            case('hash %s' % enc(a), lambda: hash(a)) if a == a else None
            case('repr %s' % enc(a), lambda: repr(a))
            for k, op in enumerate(UNOPS):
                case('un %d %s' % (k, enc(a)), lambda: op(a))
            case('meth __abs__ %s' % enc(a), lambda: abs(a))
            case('meth conjugate %s' % enc(a), lambda: a.conjugate())
    for s in ['1+2j', '(1+2j)', ' ( 1 + 2j ) ', '1 + 2j', 'j', '+j', '-j', '1+j', '1e5j', 'infj',
              '-nanj', '(1)', '1e+j', '1+2J', '(', '', 'x', '1__2j', '1_2j', '3', '-1.5e-3-2.5e+3j',
              '1-j', '1j+1', '(1+2j', '1+2j)', 'nan+nanj', '0x1j', '\u20031+1j']:
        case('call complex %s' % enc(s), lambda: complex(s))
    for a, b in [(1, 2), (1.5, None), (1j, 1j), (1 + 2j, 3), ('1', 2), (1, '2'), (None, 1), (2**1024, 0)]:
        if b is None:
            case('call complex %s' % enc(a), lambda: complex(a))
        else:
            case('call complex %s %s' % (enc(a), enc(b)), lambda: complex(a, b))
    for a in [2, 2.0, 1j, -8.0]:
        for b in [0.5, 1j, -1, 200, 2.0]:
            case('bin 8 %s %s' % (enc(a), enc(b)), lambda: a ** b)

def sec_bool():
    for a in [True, False]:
        for b in [True, False, 1, 2, 1.5]:
            for k, op in enumerate(BINOPS):
                case('bin %d %s %s' % (k, enc(a), enc(b)), lambda: op(a, b))
                case('bin %d %s %s' % (k, enc(b), enc(a)), lambda: op(b, a))
        case('repr %s' % enc(a), lambda: repr(a))
        case('hash %s' % enc(a), lambda: hash(a))
        for k, op in enumerate(UNOPS):
            case('un %d %s' % (k, enc(a)), lambda: op(a))
        for s in ['', 'd', '5', 'x']:
            case('fmt %s %s' % (enc(a), enc(s)), lambda: format(a, s))
    for v in [0, 1, '', 'a', 0.0, 0j, None, 2**70]:
        case('call bool %s' % enc(v), lambda: bool(v))

def sec_math():
    one = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh', 'exp',
           'exp2', 'expm1', 'fabs', 'log1p', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'erf', 'erfc',
           'gamma', 'lgamma', 'ceil', 'floor', 'trunc', 'degrees', 'radians', 'isfinite',
           'isnan', 'isinf', 'frexp', 'modf', 'ulp', 'log', 'log2', 'log10', 'factorial',
           'isqrt']
    two = ['atan2', 'copysign', 'remainder', 'fmod', 'pow', 'nextafter', 'ldexp', 'log', 'gcd',
           'lcm', 'comb', 'perm', 'hypot', 'isclose']
    vals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 1e-300, 5e-324, 1e300, 710.0, -710.0, 3.5,
            -2.5, 100.5, -171.5, 1e16, float('inf'), float('-inf'), float('nan'), 0, 1, 5, -3,
            2**1000, 2**2000, -2**2000, 10**30, True, 171, 200.0, 0.1, 1.5e-20]
    for f in one:
        for v in vals:
            case('math %s %s' % (f, enc(v)), lambda: getattr(math, f)(v))
        case('math %s' % f, lambda: getattr(math, f)())
        case('math %s s:78' % f, lambda: getattr(math, f)('x'))
    for f in two:
        for x in vals[::2]:
            for y in vals[1::3] + [3, 2.0, 0.5]:
                if f in ('comb', 'perm') and isinstance(x, int) and x > 10**6: continue
                case('math %s %s %s' % (f, enc(x), enc(y)), lambda: getattr(math, f)(x, y))
        case('math %s i:1' % f, lambda: getattr(math, f)(1))
    for i in range(3000):
        x = random.choice([random.uniform(-10, 10), random.uniform(-1000, 1000),
                           math.ldexp(random.random(), random.randint(-1074, 1023)),
                           random.uniform(-1, 1)])
        y = random.uniform(-50, 50)
        for f in ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'atan', 'gamma', 'lgamma', 'erf',
                  'erfc', 'log2', 'log10', 'log1p', 'expm1', 'cbrt', 'sinh', 'tanh', 'asinh']:
            case('math %s %s' % (f, enc(x)), lambda: getattr(math, f)(x))
        for f in ['atan2', 'hypot', 'remainder', 'fmod', 'pow', 'log']:
            case('math %s %s %s' % (f, enc(x), enc(y)), lambda: getattr(math, f)(x, y))
        z = random.uniform(-1e10, 1e10)
        case('math hypot %s %s %s' % (enc(x), enc(y), enc(z)), lambda: math.hypot(x, y, z))
    for n in [0, 1, 2, 10, 20, 21, 100, 1000, 3000, -1, 10**30]:
        case('math factorial %s' % enc(n), lambda: math.factorial(n))
        case('math isqrt %s' % enc(n), lambda: math.isqrt(n))
        case('math isqrt %s' % enc(n**2 - 1), lambda: math.isqrt(n**2 - 1))
        for k in [0, 1, 3, 50, -1, 10**30]:
            case('math comb %s %s' % (enc(n), enc(k)), lambda: math.comb(n, k))
            case('math perm %s %s' % (enc(n), enc(k)), lambda: math.perm(n, k))
        case('math perm %s' % enc(n), lambda: math.perm(n))
    for xs in [[], [12], [12, 18], [-12, 18, 30], [0, 0], [2**100, 6**50], [3, 5, 7]]:
        case('math gcd %s' % ' '.join(map(enc, xs)), lambda: math.gcd(*xs))
        case('math lcm %s' % ' '.join(map(enc, xs)), lambda: math.lcm(*xs))
        case('math hypot %s' % ' '.join(map(enc, xs)), lambda: math.hypot(*xs))
    case('math gcd f:1.5', lambda: math.gcd(1.5))
    case('kw isclose 2 f:1.0 f:1.0000000001', lambda: math.isclose(1.0, 1.0000000001))
    case('kw isclose 2 f:1.0 f:1.1 rel_tol=f:0.2', lambda: math.isclose(1.0, 1.1, rel_tol=0.2))
    case('kw isclose 2 f:1.0 f:1.1 abs_tol=f:-1', lambda: math.isclose(1.0, 1.1, abs_tol=-1))
    case('kw isclose 2 f:0.0 f:1e-10 abs_tol=f:1e-9', lambda: math.isclose(0.0, 1e-10, abs_tol=1e-9))

SECTIONS = {'int': sec_int, 'intstr': sec_intstr, 'float': sec_float, 'format': sec_format,
            'complex': sec_complex, 'bool': sec_bool, 'math': sec_math}

def write_cases(path, per_section=700):
    """Samples every section into the case file the C test checks on its own under make test."""
    rng = random.Random(11)
    lines = []
    for name, fn in SECTIONS.items():
        del cases[:]
        fn()
        pick = cases if len(cases) <= per_section else rng.sample(cases, per_section)
        lines += ['%s\t%s\n' % (line, want) for line, want in pick
                  if len(line) < 1000 and len(want) < 2000 and '\t' not in want]
    with open(path, 'w') as f:
        f.writelines(lines)
    print('%d cases written to %s' % (len(lines), path))

def main():
    if sys.argv[1] == '--cases':
        write_cases(sys.argv[2])
        return
    driver = sys.argv[1]
    names = sys.argv[2:] or list(SECTIONS)
    extra = {}
    try:
        import test_math  # noqa: the math section lives beside this file
        extra = test_math.SECTIONS
    except ImportError:
        pass
    for n in names:
        (SECTIONS.get(n) or extra[n])() if n in SECTIONS else extra[n](case, enc)
    inp = ''.join(line + '\n' for line, _ in cases)
    out = subprocess.run([driver, '-'], input=inp, capture_output=True, text=True)
    got = out.stdout.split('\n')
    bad = 0
    for i, (line, want) in enumerate(cases):
        g = got[i] if i < len(got) else '<missing: %s>' % out.stderr[-300:]
        if g != want:
            bad += 1
            if bad <= 60:
                print('MISMATCH %s\n   want %s\n   got  %s' % (line[:200], want[:300], g[:300]))
    print('%d cases, %d mismatches' % (len(cases), bad))
    sys.exit(1 if bad else 0)

main()
