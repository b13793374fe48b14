registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
decorators = [lambda f: f]
@register("first")
def a():
    return 1
@decorators[0]
def b():
    return 2
@(lambda f: lambda: f() * 10)
def c():
    return 3
print(sorted(registry), a(), b(), c())
