# complex: arithmetic, repr of signed zeros/nan/inf, division by zero, pow, comparisons
vals = [1 + 2j, -1j, 0j, complex(-0.0, -1), 1.5 - 0.25j, complex(1e300, 1e300),
        complex(float('nan'), float('inf')), 2, 2.5, True]
for a in vals:
    print(repr(a), end=' ')
print()
for a in vals[:6]:
    for b in vals:
        print(a + b, a - b, a * b, end=' | ')
        try:
            print(a / b, end=' | ')
        except ZeroDivisionError as e:
            print('ZeroDivisionError', e, end=' | ')
        try:
            print(a ** b)
        except (ZeroDivisionError, OverflowError) as e:
            print(type(e).__name__, e)
print(1j ** 2, (1 + 1j) ** -3, 2 ** 1j, (-8) ** (1 / 3), 0j ** 0)
print(abs(3 + 4j), abs(complex(float('inf'), float('nan'))), (1 + 2j).conjugate())
print(1 + 0j == 1, 1j == 1j, 2 + 0j != 2.0, 1j == 1)
try:
    1j < 2j
except TypeError as e:
    print(e)
try:
    abs(complex(1e308, 1e308))
except OverflowError as e:
    print('OverflowError', e)
print(hash(1 + 0j) == hash(1), hash(2 + 3j))
