import sys
print(sys.argv[1:])
total = sum(int(a) for a in sys.argv[1:] if a.isdigit())
print(total)
