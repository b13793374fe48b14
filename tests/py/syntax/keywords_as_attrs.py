d = dict(type=1, id=2, print=3)
print(d)
def f(list=None, dict=None, str="s"):
    return list, dict, str
print(f(), f(list=[1]))
