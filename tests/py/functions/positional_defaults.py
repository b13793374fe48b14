def f(a, b, c=3, d=4):
    return (a, b, c, d)
print(f(1, 2), f(1, 2, 5), f(1, 2, 5, 6), f(1, b=9), f(d=0, c=1, b=2, a=3))
def g(x, y=[]):
    y.append(x)
    return y
print(g(1), g(2), g([3], []))
def h(n=2 * 3):
    return n
print(h(), h(0))
