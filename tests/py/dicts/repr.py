print({"a": "b", 1: [2, {3: (4,)}], None: {}, "q": "it's"})
print(repr({1.5: -0.0}), str({(): frozenset()}), {"é": "😀"})
