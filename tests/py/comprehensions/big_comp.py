squares = [i * i for i in range(100000)]
print(len(squares), squares[-1], sum(squares) % 1000007)
d = {i: str(i) for i in range(10000)}
print(len(d), d[9999])
