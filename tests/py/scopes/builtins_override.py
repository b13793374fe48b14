def f():
    print = lambda *a: None
    print("hidden")
    return "ok"
print(f())
list = tuple
print(list([1, 2]))
del list
print(list((1, 2)))
