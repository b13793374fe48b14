big = 10**30 + 7
print(big // 3, big % 3)
print(-big // 3, -big % 3)
print(big // -7, big % -7)
print(divmod(-big, 10**15))
print((-2**62) // -1)
print((-2**63) // -1)
print(2**100 // 2**99, 2**100 % (2**99 + 1))
