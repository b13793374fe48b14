print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min((9,)), max(1, 2.5))
print(min([], default="empty"), max([], default=None), max([1, 5, 3], default=0))
print(max(["apple", "fig", "banana"], key=len), min("Bb", "a", "C", key=str.lower))
print(max([(1, "b"), (1, "a")]), max([1, 3, 3.0]), min([2, 2.0]), max(3, 3.0))
for call in (lambda: min([]), lambda: max(), lambda: min(1), lambda: max([1, "a"])):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
