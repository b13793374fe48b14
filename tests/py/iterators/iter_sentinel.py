vals = [1, 2, 3, 0, 4]
pos = [0]
def get():
    pos[0] += 1
    return vals[pos[0] - 1]
print(list(iter(get, 0)))
