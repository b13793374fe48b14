def a():
    x = "a"
    def b():
        y = "b"
        def c():
            z = "c"
            def d():
                return x + y + z
            return d
        return c
    return b
print(a()()()())
def outer():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v += 10
            return v
        return inner
    f = mid()
    f()
    f()
    return v
print(outer())
