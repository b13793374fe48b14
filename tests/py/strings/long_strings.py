s = "abc" * 100000
print(len(s), s.count("abc"), s.find("cab"), s[-4:], s.rfind("abc"))
t = s.replace("b", "")
print(len(t), t[:10])
words = ("word " * 50000).split()
print(len(words), len(" ".join(words)))
