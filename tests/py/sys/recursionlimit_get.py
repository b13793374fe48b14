import sys
old = sys.getrecursionlimit()
sys.setrecursionlimit(old + 500)
print(old, sys.getrecursionlimit())
