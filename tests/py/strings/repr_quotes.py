for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\t", "nl\n", "back\\slash", "\x00\x7f",
          "é", "\u200b", "😀", "\x9f", "\ud800" if False else "", "bell\a"]:
    print(repr(s))
print(ascii("é😀\n"), ascii("plain"), ascii("\x80"))
print(str("abc"), repr(repr("abc")))
