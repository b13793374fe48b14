a = [1, 2, 3]
for f in (lambda: a[3], lambda: a[-4], lambda: [].pop(), lambda: a.pop(10), lambda: a.remove(9),
          lambda: a.index(9), lambda: a["x"]):
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    a[5] = 1
except IndexError as e:
    print("IndexError:", e)
