count = 0
def inc():
    global count
    count += 1
def read():
    return count
inc(); inc()
print(count, read())
def make_global():
    global created
    created = "yes"
make_global()
print(created)
