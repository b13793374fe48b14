s = "the cat sat on the mat"
print(s.find("at"), s.find("at", 6), s.find("dog"), s.rfind("at"), s.find(""), s.rfind(""))
print(s.index("sat"), s.rindex("the"), s.count("at"), s.count("t"), s.count(""), "aaaa".count("aa"))
print(s.find("t", 2, 10), s.count("a", 5), s.startswith("the"), s.endswith("mat"))
print(s.startswith(("x", "th")), s.endswith(("cat", "at")), s.startswith("cat", 4))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
