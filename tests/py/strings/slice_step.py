s = "0123456789"
for start in (None, 0, 3, -3, 20):
    for stop in (None, 5, -2):
        for step in (None, 1, 2, -1, -3):
            print(s[start:stop:step], end=" ")
    print()
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
