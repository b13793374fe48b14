def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(f(1), sorted(f.__annotations__))
x: int = 5
y: list
print(x)
def g() -> None:
    z: int = 3
    return z
print(g())
