# Attribute reads and writes on instances and classes: a particle system updated in place.
# Stresses: LOAD_ATTR/STORE_ATTR on plain instances, class attributes, small-int arithmetic.
# Usage: attr_access.py [steps]
import sys


class Config:
    width = 1000
    height = 700
    friction = 3


class Particle:
    def __init__(self, i):
        self.x = (i * 37) % Config.width
        self.y = (i * 91) % Config.height
        self.vx = i % 7 - 3
        self.vy = i % 5 - 2
        self.bounces = 0


def step(particles):
    w = Config.width
    h = Config.height
    for p in particles:
        p.x += p.vx
        p.y += p.vy
        if p.x < 0 or p.x >= w:
            p.vx = -p.vx
            p.x += 2 * p.vx
            p.bounces += 1
        if p.y < 0 or p.y >= h:
            p.vy = -p.vy
            p.y += 2 * p.vy
            p.bounces += 1


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    particles = [Particle(i) for i in range(1000)]
    for _ in range(steps):
        step(particles)
    total = 0
    for p in particles:
        total += p.x * 3 + p.y * 5 + p.bounces
    print("particles:", len(particles), "checksum:", total)
    print("bounces:", sum(p.bounces for p in particles))


main()
