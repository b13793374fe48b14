for x in (0, 1, 2):
    print("zero" if x == 0 else "one" if x == 1 else "many")
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
