r = range(-10**20, 10**20, 3)
print(r[10**18], 10**19 + 1 in r, 10**19 + 2 in r, r[-1], r.index(-10**20 + 30))
try:
    len(r)
except OverflowError as e:
    print("OverflowError:", e)
print(len(range(0, 2**62, 2**30)))
print(sum(range(1, 10001)), list(range(10**18, 10**18 + 3)))
