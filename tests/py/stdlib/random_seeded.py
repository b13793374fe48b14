import random
random.seed(12345)
print(random.random(), random.randint(1, 100), random.randrange(0, 1000, 7), random.randrange(10))
print(random.choice('abcdefg'), random.getrandbits(70), random.uniform(1, 5))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 10), random.sample('abcdef', 3), random.sample(range(10**6), 4))
print(random.choices('abc', k=5), random.choices('abc', [1, 5, 10], k=6), random.choices('xy', cum_weights=[1, 2], k=3))
print(random.gauss(), random.gauss(5, 2), random.normalvariate(), random.expovariate(2), random.triangular(0, 10, 3))
print(random.randint(-10**30, 10**30), random.sample(['a', 'b', 'c'], 2, counts=[3, 1, 2]))
r = random.Random(7); print(r.random(), r.randint(0, 6), r.choice([1, 2, 3]))
st = r.getstate(); x = r.random(); r.setstate(st); print(x == r.random())
for bad in [lambda: random.randrange(0), lambda: random.choice([]), lambda: random.randrange(5, 2), lambda: random.sample([1], 2), lambda: random.randrange(1, 10, 0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(random.gammavariate(2.0, 1.0), random.betavariate(2, 3), random.paretovariate(1.5), random.weibullvariate(1, 2), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
