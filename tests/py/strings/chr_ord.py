print(chr(65), chr(0x263A), chr(0x1F600), ord("a"), ord("€"), ord("😀"))
print(repr(chr(0)), repr(chr(127)), chr(955))
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
