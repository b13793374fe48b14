total = 1 + \
    2 + \
    3
print(total)
items = [
    1,
    2,  # comment inside brackets
    3,
]
print(items, (4 +
              5), {"a":
                   1})
def f(a,
      b):
    return a + b
print(f(1,
        2))
s = ("implicit "
     "concatenation")
print(s)
if (total > 1 and
        total < 100):
    print("multi-line condition")
