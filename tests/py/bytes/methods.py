b = b"  Hello, World  "
print(b.strip(), b.lower(), b.upper(), b.split(b","), b.replace(b"l", b"L"))
print(b.find(b"World"), b.count(b"l"), b.startswith(b"  H"), b.endswith(b"x"))
print(b"-".join([b"a", b"b"]), b"abc".hex(), bytes.fromhex("41 42 ff"), b"a,b".partition(b","))
print(b"abc".decode(), b"12".isdigit(), b"ab".isalpha(), b"x".center(5, b"*"))
print(b"a b  c".split(), b"abc".index(b"c"), b"ab" * 3, b"ab" + b"cd")
