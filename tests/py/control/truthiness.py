for v in [0, 1, -1, 0.0, 0.1, "", "0", [], [0], (), {}, {0: 0}, set(), None, True, False, range(0), b""]:
    print(repr(v), "T" if v else "F")
