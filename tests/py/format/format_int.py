for spec in ("", "d", "5d", "<5d", "^5d", ">5d", "05d", "+d", " d", "-d", "x", "X", "#x", "#X", "o", "#o",
             "b", "#b", "08b", "#010x", ",", "_", "_x", ",d", "*^9", "=+8", "c", "n", "e", ".2f", "%"):
    print(repr(spec), repr(format(42, spec)), repr(format(-42, spec)) if spec != "c" else "")
print(format(10**20, ","), format(-(10**20), "_x"), format(123456789, "e"))
