a = list(range(10))
print(a[1], a[-1], a[1:3], a[::2], a[1:-1:3], a[:], a[::-1][:2])
m = {(1, 2): "tuple key"}
print(m[1, 2], m[(1, 2)])
s = "hello"
i = 1
print(s[i:i + 2], s[i * 2:], s[-i:])
print([[1, 2], [3, 4]][1][0], "abc"[1:][0])
