name = "World"
n = 42
print(f"Hello, {name}!", f"{n}", f"{n + 1}", f"{n * 2}{n}", f"{{literal}}", f"{{{n}}}")
print(f"{'quoted'}", f'{"dq"}', f"{name.upper()}", f"{[1, 2][1]}", f"{ {'a': 1}['a'] }")
print(f"")
print(f"a" "b" f"{n}" 'c')
