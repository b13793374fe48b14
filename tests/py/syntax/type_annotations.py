count: int = 0
names: list[str] = ["a"]
mapping: dict[str, int] = {}
maybe: "int | None" = None
def f(x: int, *args: str, y: float = 1.0, **kw: bool) -> tuple[int, float]:
    local: int = x
    return local, y
print(f(1), count, names, mapping, maybe)
unbound_annotation: int
print("annotations ok")
