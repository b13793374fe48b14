print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((255).to_bytes(1, "big"), (0).to_bytes(3, "big"))
print((-1).to_bytes(2, "big", signed=True), (-256).to_bytes(2, "little", signed=True))
print((2**64).to_bytes(9, "big"))
print((65).to_bytes(1, byteorder="big"))
print((1).to_bytes())
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print("ValueError:", e)
