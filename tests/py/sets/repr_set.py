print({1}, {-5}, set(), frozenset(), frozenset({7}), {(1, 2)})
print(sorted({"b", "a"}), {1, 2, 3}, {10, 20, 30})
