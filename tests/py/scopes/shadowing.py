x = "global"
def f():
    x = "local"
    def g():
        return x
    return g()
print(f(), x)
len = lambda s: -1
print(len("abc"))
del len
print(len("abc"))
