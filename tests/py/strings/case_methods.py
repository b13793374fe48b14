s = "hello World, ÉTÉ ß"
print(s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold())
print("hello".islower(), "HELLO".isupper(), "Hello World".istitle(), "hello".isupper())
print("ǅ".lower(), "ǆ".upper(), "ß".upper())
