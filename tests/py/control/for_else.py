for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print("no break")
for x in [1, 5, 3]:
    if x == 5:
        print("found", x)
        break
else:
    print("never")
for c in "":
    print("never")
else:
    print("empty else")
