ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
print(ba, len(ba), ba[1], bytes(ba), ba.decode())
del ba[0]
print(ba, bytearray(3), bytearray([1, 2]))
