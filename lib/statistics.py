"""statistics -- averages and spread of numeric data. mean/variance and friends add exactly (each
value as an integer ratio, summed per denominator into a Fraction) and convert once at the end, so
results are the correctly rounded ones CPython gives; the f-prefixed ones work in floats."""

import math
from fractions import Fraction
from bisect import bisect_left, bisect_right
from collections import Counter, namedtuple

__all__ = ['NormalDist', 'StatisticsError', 'correlation', 'covariance', 'fmean',
           'geometric_mean', 'harmonic_mean', 'linear_regression', 'mean', 'median',
           'median_grouped', 'median_high', 'median_low', 'mode', 'multimode', 'pstdev',
           'pvariance', 'quantiles', 'stdev', 'variance']


class StatisticsError(ValueError):
    pass


# --- exact accumulation ---

def _ratio(x):
    # (n, d) with x == n/d; a NaN or infinity gives (x, None).
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError("can't convert type '%s' to numerator/denominator"
                        % type(x).__name__) from None


def _common_type(T, S):
    # The type a result over values of types T and S comes back as.
    if T is S or S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S) or issubclass(S, int):
        return T
    if issubclass(T, int):
        return S
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _exact_sum(data):
    """(result type, exact total as a Fraction (or a non-finite float), count)."""
    T = int
    count = 0
    by_den = {}
    last_type = None
    for x in data:
        typ = type(x)
        if typ is not last_type:
            T = _common_type(T, typ)
            last_type = typ
        n, d = _ratio(x)
        by_den[d] = by_den.get(d, 0) + n
        count += 1
    if None in by_den:
        return T, by_den[None], count
    total = Fraction(0)
    for d, n in by_den.items():
        total += Fraction(n, d)
    return T, total, count


def _sum_squares(data, c=None):
    """(result type, exact sum of squared deviations from the mean (or c), mean, count)."""
    if c is not None:
        T, ss, count = _exact_sum((x - c) * (x - c) for x in data)
        return T, ss, c, count
    T = int
    last_type = None
    count = 0
    sx = {}
    sxx = {}
    for x in data:
        typ = type(x)
        if typ is not last_type:
            T = _common_type(T, typ)
            last_type = typ
        n, d = _ratio(x)
        count += 1
        sx[d] = sx.get(d, 0) + n
        sxx[d] = sxx.get(d, 0) + n * n
    if not count:
        return T, Fraction(0), Fraction(0), 0
    if None in sx:
        return T, sx[None], sx[None], count
    total = Fraction(0)
    for d, n in sx.items():
        total += Fraction(n, d)
    total2 = Fraction(0)
    for d, n in sxx.items():
        total2 += Fraction(n, d * d)
    ss = (count * total2 - total * total) / count
    return T, ss, total / count, count


def _convert(value, T):
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    return T(value)


def _isqrt_frac_odd(n, m):
    # floor(sqrt(n/m)), with the low bit set when inexact: rounding that value once more to a
    # float's precision is then the correctly rounded square root.
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


def _sqrt_frac(n, m):
    """sqrt(n/m) correctly rounded to a float."""
    shift = (n.bit_length() - m.bit_length() - 109) // 2
    if shift >= 0:
        return float(_isqrt_frac_odd(n, m << (2 * shift)) << shift)
    return _isqrt_frac_odd(n << (-2 * shift), m) / (1 << -shift)


# --- averages ---

def mean(data):
    T, total, n = _exact_sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(total / n, T)


def fmean(data, weights=None):
    if weights is None:
        n = 0
        parts = []
        for x in data:
            parts.append(x)
            n += 1
        total = math.fsum(parts)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    data = list(data)
    weights = list(weights)
    num = math.fsum([x * w for x, w in zip(data, weights)])
    if len(data) != len(weights):
        raise StatisticsError('data and weights must be the same length')
    den = math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def _no_negatives(values, errmsg):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def harmonic_mean(data, weights=None):
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float, Fraction)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = n
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _exact_sum(_no_negatives(weights, errmsg))
    try:
        checked = _no_negatives(data, errmsg)
        T, total, count = _exact_sum(w / x if w else 0 for w, x in zip(weights, checked))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(sum_weights / total, T)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1.0):
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    lo = bisect_left(data, x)
    hi = bisect_right(data, x, lo=lo)
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    lower = x - interval / 2.0
    return lower + interval * (n / 2 - lo) / (hi - lo)


def mode(data):
    best = Counter(iter(data)).most_common(1)
    if not best:
        raise StatisticsError('no mode for empty data')
    return best[0][0]


def multimode(data):
    counts = Counter(iter(data))
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, c in counts.items() if c == top]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    result = []
    if method == 'inclusive':
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        for i in range(1, n):
            j = min(max(i * m // n, 1), ld - 1)
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError('Unknown method: %r' % (method,))


# --- spread ---

def variance(data, xbar=None):
    T, ss, c, n = _sum_squares(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    T, ss, c, n = _sum_squares(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(ss / n, T)


def stdev(data, xbar=None):
    T, ss, c, n = _sum_squares(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    mss = ss / (n - 1)
    return _sqrt_frac(mss.numerator, mss.denominator)


def pstdev(data, mu=None):
    T, ss, c, n = _sum_squares(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    mss = ss / n
    return _sqrt_frac(mss.numerator, mss.denominator)


def _check_pair(x, y, what):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('%s requires that both inputs have same number of data points'
                              % what)
    if n < 2:
        raise StatisticsError('%s requires at least two data points' % what)
    return n


def _deviations(x, y, n):
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.fsum([(a - xbar) * (b - ybar) for a, b in zip(x, y)])
    return xbar, ybar, sxy


def covariance(x, y, /):
    n = _check_pair(x, y, 'covariance')
    return _deviations(x, y, n)[2] / (n - 1)


def correlation(x, y, /):
    n = _check_pair(x, y, 'correlation')
    xbar, ybar, sxy = _deviations(x, y, n)
    sxx = math.fsum([(a - xbar) * (a - xbar) for a in x])
    syy = math.fsum([(b - ybar) * (b - ybar) for b in y])
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept'))


def linear_regression(x, y, /, *, proportional=False):
    n = _check_pair(x, y, 'linear regression')
    if proportional:
        sxy = math.fsum([a * b for a, b in zip(x, y)])
        sxx = math.fsum([a * a for a in x])
    else:
        xbar, ybar, sxy = _deviations(x, y, n)
        sxx = math.fsum([(a - xbar) * (a - xbar) for a in x])
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


class NormalDist:
    """A normal distribution of a random variable: mean mu, standard deviation sigma."""

    __slots__ = ('_mu', '_sigma')

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        data = list(data)
        return cls(fmean(data), stdev(data))

    def samples(self, n, *, seed=None):
        import random
        gauss = random.gauss if seed is None else random.Random(seed).gauss
        return [gauss(self._mu, self._sigma) for _ in range(n)]

    def pdf(self, x):
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError('pdf() not defined when sigma is zero')
        diff = x - self._mu
        return math.exp(diff * diff / (-2.0 * variance)) / math.sqrt(math.tau * variance)

    def cdf(self, x):
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * math.sqrt(2.0))))

    def zscore(self, x):
        if not self._sigma:
            raise StatisticsError('zscore() not defined when sigma is zero')
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        return self._mu

    @property
    def median(self):
        return self._mu

    @property
    def mode(self):
        return self._mu

    @property
    def stdev(self):
        return self._sigma

    @property
    def variance(self):
        return self._sigma * self._sigma

    def __add__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
        return NormalDist(x1._mu * x2, x1._sigma * abs(x2))

    def __truediv__(x1, x2):
        return NormalDist(x1._mu / x2, x1._sigma / abs(x2))

    def __pos__(x1):
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        return NormalDist(-x1._mu, x1._sigma)

    __radd__ = __add__

    def __rsub__(x1, x2):
        return -(x1 - x2)

    __rmul__ = __mul__

    def __eq__(x1, x2):
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return '%s(mu=%r, sigma=%r)' % (type(self).__name__, self._mu, self._sigma)
