t1 = 1,
t2 = 1, 2
t3 = (1, 2,)
t4 = ()
print(t1, t2, t3, t4, (1), ((1,)), len((((1, 2)))))
for x in 1, 2:
    print(x)
def f():
    return 1, 2
print(f())
