a = 17
for op in ("+=", "-=", "*=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="):
    b = a
    if op == "+=": b += 3
    elif op == "-=": b -= 3
    elif op == "*=": b *= 3
    elif op == "//=": b //= 3
    elif op == "%=": b %= 3
    elif op == "**=": b **= 3
    elif op == "<<=": b <<= 3
    elif op == ">>=": b >>= 3
    elif op == "&=": b &= 3
    elif op == "|=": b |= 3
    elif op == "^=": b ^= 3
    print(op, b)
f = 2.5
f /= 2
print(f)
