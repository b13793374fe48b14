a = 5
print(f"{f'{a}'}", f"{f'{a:>{a}}'}|", f"outer {f'inner {a + 1}'} end")
items = ["x", "y"]
print(f"{', '.join(f'<{i}>' for i in items)}")
width = 8
print(f"{'|'.join(f'{v:^{width}}' for v in (1, 22, 333))}")
