try:
    raise KeyError("k")
except:
    print("bare except caught")
def f():
    try:
        return 1 / 0
    except:
        return "handled"
print(f())
