def pair():
    val = [0]
    n = 0
    def get():
        return n, val[0]
    def put(x):
        nonlocal n
        n = x
        val[0] = x * 2
    return get, put
get, put = pair()
print(get())
put(5)
print(get())
