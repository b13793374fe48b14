a = f"{x}" f'{y!r}' f"{z!s:>10}" f"{w!a}"
b = f"{x=}" f"{x = }" f"{x=!s}" f"{x=:>5}" f"{x=!r:^{w}}"
c = f"{{}}" f"{{{x}}}" f"a{{b" f"}}"
d = f"{x:{y}.{z}f}" f"{x:}" f"{x!r:}" f"{3.14:.2f}"
e = f"""{
x
+ 1}""" f"{'a' 'b'}" f'{"q"}' f"{x['k']}" f"{ {'a': 1}['a'] }"
g = f"{x:{'>'}10}" f"{(lambda: 1)()}" f"{a if b else c}" f"{a, b}" f"{*a,}"
h = rf"\d{x}" fr"{x}\n" f"\n{x}\t"
i = "a" f"b{x}c" "d" f"" "e"
j = f"{x!r}" "" f"{y}"
k = f"{x:=^10}" f"{x!=y}" f"{x<y}" f"{x>=y}"
