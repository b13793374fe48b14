a = 1
b = 2
s = f"""first {a}
second {b}
third {a +
b}"""
print(s)
print(f'''{a}''' f"""{b}""")
