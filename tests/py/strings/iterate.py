for ch in "héllo":
    print(ch, ord(ch))
print(list("abc"), tuple("xy"), sorted("hello"), set("aa") == {"a"})
print(list(reversed("abc")), "".join(reversed("stressed")))
print(list(enumerate("ab")), max("hello"), min("hello"))
