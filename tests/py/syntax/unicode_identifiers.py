π = 3.14159
naïve = "yes"
日本 = "japan"
Σ = sum
print(π, naïve, 日本, Σ([1, 2, 3]))
def größe(x):
    return x * 2
print(größe(21))
