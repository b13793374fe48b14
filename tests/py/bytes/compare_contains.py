print(b"a" < b"b", b"abc" == b"abc", b"ab" < b"abc", b"a" != "a")
print(b"b" in b"abc", 98 in b"abc", 300 in b"abc" if False else "skip", b"" in b"x")
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])
