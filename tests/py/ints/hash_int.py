print(hash(0), hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(2**64))
print(hash(-(2**61)), hash(10**20))
print(hash(1) == hash(1.0), hash(True))
