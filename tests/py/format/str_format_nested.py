rows = [("apple", 1.5, 10), ("banana", 0.25, 200), ("cherry", 12.0, 3)]
for name, price, qty in rows:
    print("{:<10}|{:>8.2f}|{:^6d}|".format(name, price, qty))
print("{:=^30}".format(" total "))
print("{0:>{1}}".format("r", 6), "{:.{}}".format("abcdef", 3))
print("{0.real} {0.imag}".format(3), "{[0]}".format("xyz"))
