total = 0
for i in range(5):
    total += i
print(total, i)
def f():
    for j in range(3):
        pass
    return j
print(f())
