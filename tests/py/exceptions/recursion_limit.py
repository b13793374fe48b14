import sys
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
sys.setrecursionlimit(200)
print(sys.getrecursionlimit(), 150 < depth(0) < 200)
sys.setrecursionlimit(3000)
print(2800 < depth(0) < 3000)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(2500))
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
