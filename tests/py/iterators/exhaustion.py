it = iter(range(3))
for x in it:
    if x == 1:
        break
print(list(it))
z = zip([1, 2, 3], [4])
print(list(z), list(z))
m = map(abs, [-1])
print(list(m), list(m))
