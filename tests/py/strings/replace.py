s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("x", "y"), s.replace("", "-"))
print("aaa".replace("a", "aa"), "abc".replace("", "|", 2), "".replace("", "x"))
