print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("abc".center(6, "-")))
print(repr("ab".ljust(5)), repr("ab".rjust(5, "0")), repr("abcdef".ljust(3)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print(repr("a\tbc\td".expandtabs()), repr("a\tb".expandtabs(4)), repr("\t".expandtabs(0)))
