# Caesar cipher, run-length encoding, palindromes and anagram groups.
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)

msg = "Hello, World! Zebra-123"
enc = caesar(msg, 3)
print(enc, "|", caesar(enc, -3))
print(rle("aaabccddddde"), rle(""), rle("x"))
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
print(sorted(groups.values(), key=lambda g: (-len(g), g)))
print([w for w in ["level", "hello", "A man a plan a canal Panama", "noon"]
       if (c := "".join(ch.lower() for ch in w if ch.isalnum())) == c[::-1]])
