a = [5, 2, 9, 1, 5, 6, -3, 0]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
print(sorted(["pear", "Apple", "fig", "banana"]), sorted("hello", reverse=True))
print(sorted([3.5, 1, 2.25, -1e9, 10**20]), sorted([]), sorted((3, 1, 2)))
print(sorted(["b", "a", "C"], key=str.lower), sorted([-3, 1, -2], key=abs))
