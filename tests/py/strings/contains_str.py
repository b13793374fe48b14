print("a" in "abc", "bc" in "abc", "ac" in "abc", "" in "", "é" in "café")
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
