import sys
print(sys.maxsize, sys.maxsize == 2**63 - 1, type(sys.maxsize).__name__)
print(sys.version_info[0], sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(sys.version_info >= (3, 8), sys.version_info < (4,))
