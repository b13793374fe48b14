print("ab" + "cd", "ab" * 2, "b" in "abc", "abc" < "abd", "%s-%s" % ("x", "y"), "x" != "y")
print("a" "b", "-".join(["1", "2"]), "x" * 0 == "", 3 * "z")
