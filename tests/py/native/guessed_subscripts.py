# Built ahead of time, x[k] with x and k of unknown types is compiled for a list and a small
# int (guarded; after a few misses the version without guesses takes over): dicts, strings,
# tuples, objects with __getitem__, negative and big keys must all still work.
class Box:
    def __getitem__(self, k):
        return ("box", k)

    def __setitem__(self, k, v):
        print("set", k, v)


def get(x, k):
    return x[k]


def swap(xs, i, j):
    t = xs[i]
    xs[i] = xs[j]
    xs[j] = t
    return xs


def first_of(x):
    k = x[0]
    return x[k] if k != 0 else None


lst = [3, 1, 4, 1, 5]
for k in range(-5, 5):
    print(get(lst, k), end=" ")
print()
print(swap([1, 2, 3], 0, 2), swap(list("abc"), -1, 0))
for r in range(12):
    print(get({"a": r}, "a"), get("hello", r % 5), get((r, r + 1), 1), get(Box(), r),
          get(range(20), r), get([[r]], 0))
b = Box()
swap(b, 1, 2)
print(first_of([2, 7, 9]), first_of([0]), first_of({0: 1, 1: "one"}))
try:
    get(lst, 10)
except IndexError as e:
    print("IndexError:", e)
try:
    get(lst, 2 ** 70)
except IndexError as e:
    print("IndexError:", e)
try:
    get(lst, "x")
except TypeError as e:
    print("TypeError:", e)
