def f(a):
    b = a * 2
    loc = locals()
    return sorted(loc)
print(f(1))
