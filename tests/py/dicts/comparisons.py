print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}, {} == {})
print({1: [1]} == {1: [1]}, {1: 1} == {1: 1.0})
try:
    {} < {}
except TypeError as e:
    print("TypeError:", e)
