i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    print(i, end=" ")
else:
    print("| done", i)
n = 10
while n:
    n -= 1
    if n == 6:
        break
else:
    print("never")
print("n =", n)
while False:
    pass
else:
    print("else of empty while")
