a = list(range(100000))
print(len(a), a[-1], sum(a))
a.reverse()
print(a[:3])
a.sort()
print(a[:3], a[50000])
b = [i % 10 for i in a]
print(b.count(3), b.index(9))
del a[10:99990]
print(a)
