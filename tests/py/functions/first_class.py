def apply(f, *args):
    return f(*args)
def compose(f, g):
    return lambda x: f(g(x))
print(apply(max, 3, 9, 2), apply(str.upper, "abc"), compose(len, str)(12345))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print([ops[k](3, 4) for k in sorted(ops)])
funcs = [abs, str, bool]
print([f(-1) for f in funcs])
