def f(a, *, key, flag=False):
    return a, key, flag
print(f(1, key=2), f(1, key=2, flag=True), f(a=0, key=1))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
