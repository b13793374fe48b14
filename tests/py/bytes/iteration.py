total = 0
for x in b"\x01\x02\x03\xff":
    total += x
print(total, [c for c in b"AZ"], sorted(b"cab"), max(b"hello"))
print(bytes(range(65, 75)), bytes(x ^ 0x20 for x in b"Hello"))
