t = (1, 2)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t[2]
except IndexError as e:
    print("IndexError:", e)
try:
    hash(([1], 2))
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    t + [1]
except TypeError as e:
    print("TypeError:", e)
