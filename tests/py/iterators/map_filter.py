print(list(map(abs, [-1, 2, -3])), list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(10))))
print(list(map(str.upper, "abc")), list(map(int, "123")))
