x = 1
print("crlf line endings", x)
if x:
    print("block")
