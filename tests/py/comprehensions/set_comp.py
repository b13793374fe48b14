print(sorted({x % 5 for x in range(100)}), {c for c in "aaa"}, sorted({len(w) for w in "a bb cc ddd".split()}))
