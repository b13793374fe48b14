print('single', "double", '''triple single''', """triple double""")
print(r'raw\n', R"raw\t", b'bytes', B"BYTES", rb'raw\bytes', Rb"x\y", bR'\d', BR"\w", br'q')
print(u'unicode', U"UNI")
x = 5
print(f'f{x}', F"F{x}", fr'fr\{x}', rf"rf\{x}", Rf'{x}\n', fR"{x}\t", FR'{x}', RF"{x}")
print('''multi
line''', """a
b""")
print('adjacent' "concat" '''enation''')
print(r'\'', r"\"", len(r'\\'))
