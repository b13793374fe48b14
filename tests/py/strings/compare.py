print("a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a", "" < "a", "a" == "a", "a" != "A")
print("é" > "z", "😀" > "é", sorted(["b", "A", "a", "é", "B", ""]))
print("abc" in "xabcx", "" in "abc", "d" not in "abc")
