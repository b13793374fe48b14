x = "outer"
lst = [x for x in range(3)]
print(x, lst)
y = 10
print([y * i for i in range(3)])
def f():
    z = 5
    return [z + i for i in range(2)], {k: z for k in "ab"}, {z * j for j in (1,)}
print(f())
print([i for i in range(3)], "i" in globals())
