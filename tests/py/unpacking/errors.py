for f in (lambda: [a for a, b in [(1, 2, 3)]], lambda: [a for a, b in [(1,)]], lambda: [a for a, b in [5]],
          lambda: [a for a, *b, c in [(1,)]]):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    a, b = {"only": 1}
except ValueError as e:
    print("ValueError:", e)
