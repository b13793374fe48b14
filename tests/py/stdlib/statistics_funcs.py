import statistics as st
from statistics import *
from fractions import Fraction as F
cases = [
    ('mean', [1, 2, 3, 4]), ('mean', [1, 2, 3]), ('mean', [0.1, 0.2, 0.3]), ('mean', [F(1, 3), F(2, 3), 1]),
    ('mean', [1.5, F(1, 2)]), ('mean', [True, False, True]), ('mean', []), ('mean', [1e308, 1e308]),
    ('mean', [float('inf'), 1]), ('mean', [float('nan'), 1.0]), ('mean', iter([3, 4])),
    ('fmean', [1, 2, 3, 4]), ('fmean', []), ('fmean', iter([0.1, 0.2, 0.3])),
    ('geometric_mean', [54, 24, 36]), ('geometric_mean', [1, -1]), ('harmonic_mean', [40, 60]),
    ('harmonic_mean', [2.5, 3, 10]), ('harmonic_mean', []), ('harmonic_mean', [-1, 2]), ('harmonic_mean', [0, 2]),
    ('harmonic_mean', [5]),
    ('median', [1, 3, 5]), ('median', [1, 3, 5, 7]), ('median', [1, 2]), ('median', []), ('median', [2.5, 1.5, 0.5, 9]),
    ('median_low', [1, 3, 5, 7]), ('median_high', [1, 3, 5, 7]), ('median_low', []), ('median_high', []),
    ('median_grouped', [52, 52, 53, 54]), ('median_grouped', [1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), ('median_grouped', []),
    ('mode', [1, 1, 2, 3, 3, 3, 3, 4]), ('mode', ["red", "blue", "blue", "red", "green", "red", "red"]), ('mode', []),
    ('multimode', 'aabbbbccddddeeffffgg'), ('multimode', ''),
    ('variance', [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]), ('variance', [1, 2, 3, 4]), ('variance', [1, 3, 5]),
    ('variance', [F(1, 6), F(1, 2), F(5, 3)]), ('variance', [1]), ('pvariance', [0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]),
    ('pvariance', []), ('pvariance', [1, 2, 3, 4]),
    ('stdev', [1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), ('stdev', [1, 2, 3, 4, 5]), ('stdev', [1]), ('stdev', [F(1,3), F(2,7)]),
    ('pstdev', [1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), ('pstdev', []), ('pstdev', [2, 4, 4, 4, 5, 5, 7, 9]),
    ('stdev', [0.1 * i for i in range(50)]), ('variance', [0.1 * i for i in range(50)]),
    ('quantiles', [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104]),
    ('quantiles', [1]), ('mean', ['a']), ('mean', [1, 'a']),
]
for name, data in cases:
    try:
        r = getattr(st, name)(data)
        print(name, repr(r))
    except Exception as e:
        print(name, 'raised', type(e).__name__, e)
print(quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=10, method='inclusive'))
print(quantiles(range(10), n=3))
try: quantiles([1, 2], n=0)
except StatisticsError as e: print(e)
try: quantiles([1, 2], method='x')
except ValueError as e: print(e)
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]; y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(covariance(x, y), correlation(x, x), correlation(x, y), linear_regression(x, [2*v+1 for v in x]))
print(linear_regression(x, y, proportional=True))
try: correlation([1,1], [1,2])
except StatisticsError as e: print(e)
try: covariance([1], [2])
except StatisticsError as e: print(type(e).__name__, e, isinstance(e, ValueError))
print(variance([1, 2, 3], xbar=2), pvariance([1, 2, 3], mu=2), stdev([1.0, 2.0, 4.0], 2.0))
print(harmonic_mean([40, 60], weights=[5, 30]), fmean([1, 2, 3], weights=[3, 2, 1]))
n = NormalDist(100, 15)
print(n, n.mean, n.stdev, n.variance, round(n.cdf(130), 6), round(n.pdf(100), 8), n + 5, n * 2, n == NormalDist(100, 15))
print(NormalDist.from_samples([1, 2, 3, 4]))
print(st.mean([F(1,2), F(1,3)]), st.median([F(1,2), F(1,3)]))
print(mean([1, 2, 3, 4, 4]), mean([-1.0, 2.5, 3.25, 5.75]), median([1, 3, 5, 7]))
