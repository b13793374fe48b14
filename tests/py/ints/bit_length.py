for n in (0, 1, 2, 3, 255, 256, -1, -255, -256, 2**61 - 1, 2**61, 2**62, 2**100, -(2**100)):
    print(n, n.bit_length())
print((12).bit_count() if hasattr(int, "bit_count") else "no bit_count")
