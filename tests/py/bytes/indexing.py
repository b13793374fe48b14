b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], b[::2], list(b), len(b))
try:
    b[5]
except IndexError as e:
    print("IndexError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
