def f():
    try:
        return "try"
    finally:
        print("cleanup")
def g():
    try:
        return "try"
    finally:
        return "finally"
def h():
    try:
        1 / 0
    finally:
        return "swallowed"
print(f(), g(), h())
def k():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("k finally", i)
print(k())
