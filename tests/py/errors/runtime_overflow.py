x = 2.0
for i in range(20):
    x = x ** 2
print(x)
