try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(3)[3]
except IndexError as e:
    print("IndexError:", e)
try:
    range(3).index(5)
except ValueError as e:
    print("ValueError:", e)
