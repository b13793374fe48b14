x = 3.14159265
for spec in ("", "f", ".2f", "10.3f", "<10.2f", "^10.1f", "+.3f", " .1f", "010.2f", "e", ".3e", "E",
             "g", ".3g", "G", ".10g", "%", ".1%", ",.2f", "_.3f", ".0f", "#.0f", "=+12.3f", "*>12", "n"):
    print(repr(spec), repr(format(x, spec)), repr(format(-x * 1000, spec)))
for v in (0.0, -0.0, 1e100, 1e-100, float("inf"), float("-inf"), float("nan"), 123456789.0, 0.5, 2.5):
    print(format(v, ""), format(v, "g"), format(v, ".2e"), format(v, "10.3f"), format(v, ".1f"))
