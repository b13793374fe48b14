print(list(), list("ab"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)), list(b"hi"))
print(list(x * 2 for x in range(3)), list(map(str, [1, 2])), list({3: 0}.items()))
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
