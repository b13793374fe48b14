x = 1234.5678
print(str(x), "%s" % x, "%r" % x, "{}".format(x), f"{x}")
print(str(1e16), str(1.5e-7), str(float(10**15)), str(float(10**16)))
print(str(-1e-5), str(123456789.0), str(1e100), str(2.5e-308))
