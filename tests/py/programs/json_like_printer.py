# A recursive pretty-printer for nested lists/dicts/scalars, in the style of json.dumps(indent=2).
def dump(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f'{pad}  "{k}": {dump(v, indent + 1)}' for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [pad + "  " + dump(v, indent + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)

doc = {"name": "trident", "version": [0, 1], "tags": ["python", "compiler"], "nested": {"a": None,
       "b": True, "c": 2.5, "d": [], "e": {}}, "quote": 'say "hi"'}
print(dump(doc))
