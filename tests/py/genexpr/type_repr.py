g = (i for i in [])
print(type(g).__name__, list(g), next(g, "empty"))
