print("a b  c\td\ne".split(), "a,b,,c".split(","), "a,b,c".split(",", 1))
print("  lead".split(), "".split(), "".split(","), "abc".split("abc"))
print("a,b,c".rsplit(",", 1), "1 2 3".rsplit(None, 1), "x".split("x"))
print("line1\nline2\r\nline3\rline4".splitlines(), "a\nb\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "".join(("p", "q")))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
