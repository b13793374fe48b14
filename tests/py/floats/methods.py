print((2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-0.75).as_integer_ratio())
print((3.7).real, (3.7).imag, (3.7).conjugate(), float.__name__)
print((2.5).__trunc__(), int(-2.5), (7.0).__floor__() if hasattr(7.0, "__floor__") else 7)
