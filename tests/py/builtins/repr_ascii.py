print(repr(1), repr("a'b"), repr([1, "x"]), repr(None), repr(1.0), repr((1,)), repr(b"q"))
print(ascii("naïve"), ascii(["é", 1]), ascii(b"\xff"), ascii("\U0001F600"))
print(repr(len), repr(print))
