print(b"abc", b'it\'s', b"q\"", b"\x00\x01\x7f\x80\xff", b"\t\n\r", b"\\")
print(repr(b"'"), repr(b'"'), repr(b"'\""), b"")
print(bytes(3), bytes([65, 66, 67]), bytes(b"xy"), bytes("é", "utf-8"), bytes())
