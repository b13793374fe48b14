s = 0.0
for i in range(1, 1001):
    s += 1.0 / i
print(s)
t = 0.0
for i in range(100000):
    t += 0.1
print(t)
p = 1.0
for i in range(1, 30):
    p *= 1.5
print(p)
