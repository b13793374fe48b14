# Negative widths, even huge ones, mean no padding (a fuzzer found an overflow here).
print(repr("x".center(-2**63)), repr("x".ljust(-5)), repr("x".rjust(-2**63)))
print(repr("-5".zfill(-2**63)), repr(b"x".rjust(-2**63)), repr(b"7".zfill(-1)))
print(repr("ab".center(5, "*")), repr("ab".zfill(5)))
