# word_count.py -- counts the words of a text with a dict and prints the most frequent ones.

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom, it was the age
of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season
of Light, it was the season of Darkness, it was the spring of hope, it was the winter of
despair, we had everything before us, we had nothing before us, we were all going direct to
Heaven, we were all going direct the other way.
"""

counts = {}
for raw in TEXT.split():
    word = raw.strip(".,;:!?\"'").lower()
    if word:
        counts[word] = counts.get(word, 0) + 1

total = sum(counts.values())
print(f"{total} words, {len(counts)} different")
ranking = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
width = max(len(word) for word, _ in ranking[:10])
for word, n in ranking[:10]:
    bar = "#" * n
    print(f"{word:<{width}}  {n:>3}  {bar}")

by_length = {}
for word in counts:
    by_length.setdefault(len(word), []).append(word)
longest = max(by_length)
print(f"longest words ({longest} letters):", ", ".join(sorted(by_length[longest])))
