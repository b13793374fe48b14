print(True + 1, True * 10, False - 1, True / 2, True // True, -True, ~True)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(True << 3, isinstance(True, int), int(True))
