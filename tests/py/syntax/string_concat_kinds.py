x = 3
print("a" 'b' """c""" '''d''', f"{x}" "y" f'{x}', r"\n" "\n" == "\\n\n")
print(b"a" b'b' rb"\c")
s = ('one'
     "two"
     f"{x}three")
print(s)
