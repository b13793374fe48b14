print("ASCII", "Latin-1: café", "Greek: αβγ", "CJK: 漢字", "Emoji: 🐍", "Math: ∑∫√")
s = "🐍" * 3
print(len(s), s[1], s.encode("utf-8")[:4])
print("é".upper(), "straße".upper(), "İ".lower() == "i̇")
