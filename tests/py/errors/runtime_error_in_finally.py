def f():
    try:
        return 1
    finally:
        print("cleaning up")
        [].pop()
f()
