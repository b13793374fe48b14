s = " Hello World "
print(s.strip().lower().replace("world", "there").title().split())
print("a,b".split(",")[1].upper().center(5, "*"))
print((1).__add__(2), 1.5.is_integer(), "x".join("ab").upper())
