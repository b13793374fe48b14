for v in (1, None, b"ab"):
    try:
        ord(v)
    except TypeError as e:
        print("TypeError:", e)
print(ord(b"a"))
