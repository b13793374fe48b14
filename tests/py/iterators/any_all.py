print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any("a"), all(x > 0 for x in [1, 2]))
calls = []
def t(x):
    calls.append(x)
    return x
print(any(t(x) for x in [0, 5, 7]), calls)
calls.clear()
print(all(t(x) for x in [1, 0, 7]), calls)
