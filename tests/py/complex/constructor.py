# complex(): strings (parens, spaces, underscores, j forms), numbers, errors
for s in ['1+2j', '(1+2j)', ' ( 1-2.5e3j ) ', 'j', '-j', '+1.5J', 'infj', '-nan+nanj', '1_0+2_0j',
          '3', '1e-3-1e3j', '1 + 2j', '1__0j', '(1+2j', '', 'x', '1e+j']:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
print(complex(), complex(1), complex(1.5, -2), complex(1j, 1j), complex(1 + 2j, 3), complex(real=2, imag=3))
for args in [('1', 2), (1, '2'), (None,), ([],)]:
    try:
        complex(*args)
    except TypeError as e:
        print('TypeError:', e)
print(format(1 + 2j, ''), format(1.5 - 2j, '.2f'), format(-1j, '+'), format(3 + 0j, '>12'),
      format(1e20 + 1j, 'g'), f"{2.5 + 1j:10.3e}")
