print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"), format(0.5, "%"), format(255, "x"))
print(format(12345.6789, ",.2f"), format(-1, "+"), format(7))
