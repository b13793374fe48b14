x = 1
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 2
f()
def g():
    del_me = 1
    del del_me
    try:
        del_me
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
g()
