nan = float("nan")
inf = float("inf")
print(nan, inf, -inf, float("-inf"), float("Infinity"), float("-nan"), float(" INF "))
print(nan == nan, nan != nan, nan < 1, inf > 1e308, -inf < -1e308, inf == inf)
print(inf + 1, inf - inf, inf * 0, inf / inf, 1 / inf, -1 / inf)
print(repr(nan), str(-inf), [nan, inf])
print(inf > 10**400, 10**400 < inf)
x = nan
print(x is x, [x] == [x], x in [x])
