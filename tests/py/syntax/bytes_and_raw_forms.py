print(rb"\x00", Rb"\n", b"\x00", br"\\", len(rb"\x00"), len(b"\x00"))
print(r"C:\path\to", r"\d+\.\d*", r"\"", len(r"\""))
