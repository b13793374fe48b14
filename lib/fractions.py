"""fractions -- Fraction, exact rational numbers kept in lowest terms (denominator > 0). Mixed
arithmetic: with ints and Fractions the result is exact, with floats and complexes it is the float
or complex of the fraction combined with the other operand."""

import math

__all__ = ['Fraction']

_HASH_MODULUS = 2 ** 61 - 1
_HASH_INF = 314159


def _is_rational(x):
    return isinstance(x, (int, Fraction))


def _parts(x):
    # (numerator, denominator) of an int or Fraction.
    if isinstance(x, int):
        return int(x), 1
    return x._numerator, x._denominator


def _digits_ok(s):
    # Decimal digits with single underscores between them, as in a Python literal.
    if not s or s[0] == '_' or s[-1] == '_' or '__' in s:
        return False
    return all(c == '_' or c.isdigit() for c in s)


def _parse(text):
    s = text.strip()
    sign = 1
    if s[:1] in ('+', '-'):
        if s[0] == '-':
            sign = -1
        s = s[1:]
    if '/' in s:
        num, _, den = s.partition('/')
        if not _digits_ok(num) or not _digits_ok(den):
            return None
        n, d = int(num), int(den)
        if d == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % (sign * n))
        return sign * n, d
    exp = 0
    for mark in ('e', 'E'):
        if mark in s:
            s, _, e = s.partition(mark)
            es = e[1:] if e[:1] in ('+', '-') else e
            if not _digits_ok(es):
                return None
            exp = int(e)
            break
    whole, dot, frac = s.partition('.')
    if whole and not _digits_ok(whole):
        return None
    if frac and not _digits_ok(frac):
        return None
    if not whole and not frac:
        return None
    n = int(whole or '0')
    d = 1
    if frac:
        scale = 10 ** len(frac.replace('_', ''))
        n = n * scale + int(frac)
        d = scale
    if exp >= 0:
        n *= 10 ** exp
    else:
        d *= 10 ** -exp
    return sign * n, d


class Fraction:
    """Fraction(numerator=0, denominator=None): a rational number."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if _is_rational(numerator):
                self._numerator, self._denominator = _parts(numerator)
                return self
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            elif hasattr(numerator, 'as_integer_ratio') and not isinstance(numerator, complex):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            n1, d1 = _parts(numerator)
            n2, d2 = _parts(denominator)
            numerator, denominator = n1 * d2, d1 * n2
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self whose denominator is at most max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction expansion; the answer is the last convergent or the best
        # semiconvergent before the denominator bound is crossed.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        bound1 = Fraction(p0 + k * p1, q0 + k * q1)
        bound2 = Fraction(p1, q1)
        if abs(bound2 - self) <= abs(bound1 - self):
            return bound2
        return bound1

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    @property
    def real(a):
        return a

    @property
    def imag(a):
        return 0

    def conjugate(a):
        return +a

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # --- arithmetic: each op has an exact rational path, and float / complex fallbacks ---

    def _binop(a, b, exact, fallback):
        if _is_rational(b):
            return exact(a._numerator, a._denominator, *_parts(b))
        if isinstance(b, float):
            return fallback(float(a), b)
        if isinstance(b, complex):
            return fallback(complex(a), b)
        return NotImplemented

    def _rbinop(b, a, exact, fallback):
        if _is_rational(a):
            return exact(*_parts(a), b._numerator, b._denominator)
        if isinstance(a, float):
            return fallback(a, float(b))
        if isinstance(a, complex):
            return fallback(a, complex(b))
        return NotImplemented

    def __add__(a, b):
        return a._binop(b, _add, _fadd)

    def __radd__(b, a):
        return b._rbinop(a, _add, _fadd)

    def __sub__(a, b):
        return a._binop(b, _sub, _fsub)

    def __rsub__(b, a):
        return b._rbinop(a, _sub, _fsub)

    def __mul__(a, b):
        return a._binop(b, _mul, _fmul)

    def __rmul__(b, a):
        return b._rbinop(a, _mul, _fmul)

    def __truediv__(a, b):
        return a._binop(b, _div, _fdiv)

    def __rtruediv__(b, a):
        return b._rbinop(a, _div, _fdiv)

    def __floordiv__(a, b):
        return a._binop(b, _floordiv, _ffloordiv)

    def __rfloordiv__(b, a):
        return b._rbinop(a, _floordiv, _ffloordiv)

    def __mod__(a, b):
        return a._binop(b, _mod, _fmod)

    def __rmod__(b, a):
        return b._rbinop(a, _mod, _fmod)

    def __divmod__(a, b):
        return a._binop(b, _divmod, divmod)

    def __rdivmod__(b, a):
        return b._rbinop(a, _divmod, divmod)

    def __pow__(a, b):
        if _is_rational(b):
            bn, bd = _parts(b)
            if bd == 1:
                if bn >= 0:
                    return Fraction(a._numerator ** bn, a._denominator ** bn, _normalize=False)
                if a._numerator >= 0:
                    return Fraction(a._denominator ** -bn, a._numerator ** -bn,
                                    _normalize=False)
                return Fraction((-a._denominator) ** -bn, (-a._numerator) ** -bn,
                                _normalize=False)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
        if b._denominator == 1:
            return a ** b._numerator
        if isinstance(a, (float, complex)):
            return a ** float(b)
        return NotImplemented

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __float__(a):
        return a._numerator / a._denominator

    def __complex__(a):
        return complex(float(a))

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, rem = divmod(self._numerator, self._denominator)
            if rem * 2 < self._denominator:
                return floor
            if rem * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if _is_rational(b):
            return (a._numerator, a._denominator) == _parts(b)
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if _is_rational(other):
            on, od = _parts(other)
            return op(self._numerator * od, self._denominator * on)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        return a._richcmp(b, _gt)

    def __le__(a, b):
        return a._richcmp(b, _le)

    def __ge__(a, b):
        return a._richcmp(b, _ge)

    def __bool__(a):
        return a._numerator != 0

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        return self.__copy__()


def _lt(a, b):
    return a < b


def _gt(a, b):
    return a > b


def _le(a, b):
    return a <= b


def _ge(a, b):
    return a >= b


def _add(na, da, nb, db):
    return Fraction(na * db + nb * da, da * db)


def _sub(na, da, nb, db):
    return Fraction(na * db - nb * da, da * db)


def _mul(na, da, nb, db):
    return Fraction(na * nb, da * db)


def _div(na, da, nb, db):
    if nb == 0:
        raise ZeroDivisionError('Fraction(%s, 0)' % (na * db))
    return Fraction(na * db, da * nb)


def _floordiv(na, da, nb, db):
    return (na * db) // (da * nb)


def _mod(na, da, nb, db):
    return Fraction((na * db) % (nb * da), da * db)


def _divmod(na, da, nb, db):
    q, r = divmod(na * db, da * nb)
    return q, Fraction(r, da * db)


def _fadd(a, b):
    return a + b


def _fsub(a, b):
    return a - b


def _fmul(a, b):
    return a * b


def _fdiv(a, b):
    return a / b


def _ffloordiv(a, b):
    return a // b


def _fmod(a, b):
    return a % b
