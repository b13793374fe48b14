print(hash(1.0), hash(0.0), hash(-0.0), hash(1.5), hash(-1.5), hash(1e100))
print(hash(float("inf")), hash(float("-inf")), hash(0.1))
print(hash(2.0) == hash(2), hash(2.0**70) == hash(2**70))
