x = 0x_ff + 0o17 + 0b1_0 + 1_000 + 1.5e-3 + 1_0.0_1 + .5 + 5. + 1e10 + 3j + 1.5J + 0
y = 123456789012345678901234567890 + 0xffffffffffffffffffff
z = 1e400, 1e-400, 0.1, 100.0, 1e16, 1e15, 2.5e-5
s = 'a' "b" '''c''' """d""" r'\n' R"\t" u'x' f'' F"x"
sb = b'\x00\xff' rb'\d' Br"x" br''
t = "\a\b\f\n\r\t\v\\\'\"\x41\101\u00e9\U0001F600\d\ \
continued"
u = u"first" "second"
v = b"a" b'b'
w = "é中😀", '\0', "\777"
e = ..., None, True, False
