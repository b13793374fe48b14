print(int(), float(), str(), bool(), list(), tuple(), dict(), set(), frozenset(), bytes())
print(int("7"), float("7"), str(7), bool(7), list((7,)), tuple([7]), dict(a=7), set([7]), frozenset([7]))
print(type(int), type(type(1)), int.__name__, bool.__name__, type(None).__name__)
