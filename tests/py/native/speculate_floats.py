# Built ahead of time, functions are compiled with guesses drawn from the whole module: the
# argument types of their direct calls (checked on entry), and floats for arithmetic on values
# of unknown type in functions that work with floats. A failed guess must never change a
# result: ints stay ints, strings concatenate, and a fallback version takes over.


def scale(v, k):
    return [x * k for x in v]


def step(pos, vel, dt):
    # dt is a float at every call below: the list items are taken for floats too
    for i in range(len(pos)):
        pos[i] = pos[i] + vel[i] * dt
    return pos


def mix(a, b):
    half = 0.5
    return a * half + b * half, a - b, a + b


def join2(a, b):
    w = 1.0
    return a + b, w


def dist2(p, q):
    dx = p[0] - q[0]
    dy = p[1] - q[1]
    return dx * dx + dy * dy


pos = [0.0, 1.0, 2.0]
vel = [1.5, -0.25, 3.0]
for _ in range(10):
    step(pos, vel, 0.1)
print(pos)

# the same function with ints in the lists (its dt guess holds, its item guess does not)
ipos = [0, 1, 2]
ivel = [3, 4, 5]
print(step(ipos, ivel, 0.5), [type(x).__name__ for x in ipos])

# called from elsewhere with other types: the entry guess fails, the results stay exact
stepper = step
print(stepper([1, 2], [3, 4], 2), stepper([10**20], [1], 3))

for k in range(8):  # past the fallback's threshold, each call right
    print(mix(k, k + 1), mix(k * 0.5, 2), join2("ab" * k, "c"), join2([k], [k]))

print(dist2((0.0, 0.0), (3.0, 4.0)), dist2((1, 2), (4, 6)), dist2((1, 2.5), (4, 6)))
print(type(dist2((1, 2), (4, 6))).__name__, dist2((2**40, 0), (0, 2**40)))
print(scale([1, 2.5, 3], 2), scale(["x", "y"], 3), scale([1.5], 0.5))

total = 0.0
for i in range(1000):
    total += dist2((i * 0.5, 1.0), (0.0, i * 0.25))
print(total)
