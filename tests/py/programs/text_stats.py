# Text statistics: sentences, words, letter frequencies, a histogram.
text = ("Python is a programming language that lets you work quickly and integrate systems more "
        "effectively. It is used for web development, data science, scripting, and much more! "
        "Is it fast? That depends on the implementation.")
sentences = [s.strip() for s in text.replace("!", ".").replace("?", ".").split(".") if s.strip()]
print(len(sentences), "sentences")
words = [w.strip(",.!?").lower() for w in text.split()]
print(len(words), "words,", len(set(words)), "distinct")
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for ch, n in top:
    print(f"{ch} {n:3d} {'*' * (n // 2)}")
avg = sum(len(w) for w in words) / len(words)
print(f"average word length {avg:.3f}")
print("longest:", max(words, key=len), "| shortest:", min(words, key=len))
caps = [w for w in text.split() if w[0].isupper()]
print("capitalized:", caps)
