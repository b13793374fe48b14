print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed(range(5))), list(reversed("abc")))
print(list(reversed({"a": 1, "b": 2})), list(reversed([])))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
