s = "naïve ☕"
b = s.encode()
print(b, len(s), len(b), b.decode(), b.decode("utf-8") == s)
print("abc".encode("ascii"), "é".encode("latin-1"), "x".encode("utf-8"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", "replace"), b"\xe9".decode("latin-1"))
