for i in range(10):
    if i % 2:
        continue
    elif i > 7:
        break
    print(i)
else:
    print("done")
n = 0
while n < 10:
    n += 1
    if n == 5:
        break
else:
    pass
while x and y or not z:
    f()
for a, b in [(1, 2), (3, 4)]:
    print(a, b)
for x in [1, 2, 3]:
    pass
for x in {1, 2, 3}:
    pass
if a < b < c:
    pass
x = a < b < c
y = 1 if a else 2
z = a and b or c
