s = "héllo"
print(f"{s!r}", f"{s!s}", f"{s!a}", f"{s!r:>12}", f"{3!r}")
print(f"{[s]!s}", f"{None!r}")
