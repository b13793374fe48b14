d = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?", b"b": "bytes",
     frozenset([1]): "fs"}
print(d)
print(d[1], d[1.0], d[True], d[(1, 2)], d[None], d[frozenset({1})])
print({0: "a", 0.0: "b", False: "c"})
