print({x: x * x for x in range(5)}, {k: v for k, v in zip("abc", range(3)) if v != 1})
words = ["apple", "bob", "cat", "apple"]
print({w: len(w) for w in words}, {v: k for k, v in {"a": 1, "b": 2}.items()})
print({i % 3: i for i in range(10)})
