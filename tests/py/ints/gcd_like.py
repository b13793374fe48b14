def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(2**100, 6**40), gcd(17, 5), gcd(0, 9))
def ext(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = ext(b, a % b)
    return g, y, x - (a // b) * y
print(ext(240, 46), ext(10**20 + 3, 97))
