if (n := 10) > 5:
    print(n)
print([y := 5, y ** 2])
def f(x):
    return (z := x * 2) + z
print(f(3))
while (chunk := [1, 2, 3][:n % 4]) and n > 7:
    n -= 1
    print(chunk)
print(any((hit := v) > 2 for v in [1, 3, 5]), hit)
