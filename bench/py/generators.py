# Generators: a lazy pipeline (produce, filter, map, window, take), yield from delegation,
# generator expressions fed to sum/any/all, and send().
# Stresses: generator creation, resume/suspend, yield from, StopIteration handling.
# Usage: generators.py [items]
import sys


def produce(n, seed):
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        yield x % 10000


def only(pred, it):
    for x in it:
        if pred(x):
            yield x


def windows(it, k):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == k:
            yield tuple(buf)
            buf.pop(0)


def chained(n):
    yield from produce(n, 1)
    yield from produce(n, 2)


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total // count


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    odd = only(lambda v: v % 2 == 1, chained(n))
    s = 0
    for w in windows(odd, 3):
        s += w[0] - w[2]
    squares = sum(x * x % 7 for x in produce(n, 3))
    anyhit = any(x == 9999 for x in produce(n, 4))
    allpos = all(x >= 0 for x in produce(n // 2, 5))
    avg = averager()
    next(avg)
    last = 0
    for x in produce(n, 6):
        last = avg.send(x)
    print("window sum:", s)
    print("squares:", squares, "any:", anyhit, "all:", allpos, "avg:", last)


main()
