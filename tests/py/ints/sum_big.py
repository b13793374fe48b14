print(sum(range(10**6)))
print(sum(i * i for i in range(1000)))
print(sum([2**64] * 1000))
