values = [0, -1, 2**70, 0.5, -0.0, float("inf"), 1e-7, 3j, True, None, ..., "s", "it's", b"b", [], (),
          (1,), {}, set(), frozenset(), {1: "a"}, [1, [2, (3, {4: {5}})]], range(3), slice(1, 2),
          len, "\x00\t\n\\"]
for v in values:
    print(repr(v), str(v))
