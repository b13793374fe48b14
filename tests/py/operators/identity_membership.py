a = [1, 2]
b = a
print(a is b, a is not b, a == list(a), a is list(a), None is None)
print(1 in a, 3 in a, "b" in "abc", "b" in {"b": 1}, 2 in range(5), 2.0 in [1, 2], [1] in [[1]])
print(1 in {1: 2}, 2 in {1: 2}, (1, 2) in {(1, 2)}, "" in "")
