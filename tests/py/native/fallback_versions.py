# Built ahead of time, a function whose guesses keep failing (ints past 62 bits, floats that
# are ints) switches to its version compiled without guesses after a few failures: every call,
# before, during and after the switch, must give what CPython gives.
class Lcg:
    def __init__(self, seed):
        self.s = seed

    def next(self):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return self.s >> 4


def blend(a, b):
    w = 0.25
    return a * w + b * (1 - w), a - b, a * b


def count_up(xs):
    t = 0
    for x in xs:
        t += x
    return t


rng = Lcg(42)
print([rng.next() for _ in range(40)][-5:])
for k in range(20):
    if k % 3:
        print(k, blend(k, 2 ** 62 + k))
    else:
        print(k, blend(k * 0.5, 1.5))
print(count_up([1, 2, 3]), count_up([2 ** 61, 2 ** 61, 1]), count_up([0.5, 1]))
for k in range(12):
    print(count_up([2 ** 62] * k), count_up(range(k)))
