s = "héllo wörld ✓ 日本語 😀"
print(s)
print(len(s), s[1], s[-1], s[12:15], s.upper())
print([ord(c) for c in "é✓😀"])
print(s.encode("utf-8"))
print("日本" * 3, "😀" in s, s.find("日"))
café = 3
print(café + 1)
