print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(2**70))
print(chr(97), ord("a"), hex(ord("€")))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
