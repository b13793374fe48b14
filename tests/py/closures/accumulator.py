def make_acc(total=0):
    def add(x):
        nonlocal total
        total += x
        return total
    return add
acc = make_acc(100)
for v in (10, -5, 2.5):
    print(acc(v))
