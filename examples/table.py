# table.py -- formats a table of planets with str.format, f-strings and %-formatting.

planets = [
    # name, mean radius (km), mass (10^24 kg), distance from the sun (10^6 km), moons
    ("Mercury", 2439.7, 0.330, 57.9, 0),
    ("Venus", 6051.8, 4.87, 108.2, 0),
    ("Earth", 6371.0, 5.97, 149.6, 1),
    ("Mars", 3389.5, 0.642, 227.9, 2),
    ("Jupiter", 69911.0, 1898.0, 778.6, 95),
    ("Saturn", 58232.0, 568.0, 1433.5, 146),
    ("Uranus", 25362.0, 86.8, 2872.5, 28),
    ("Neptune", 24622.0, 102.0, 4495.1, 16),
]

header = "{:<8} {:>10} {:>10} {:>9} {:>6} {:>8}".format(
    "planet", "radius km", "mass", "AU", "moons", "density")
print(header)
print("-" * len(header))
for name, radius, mass, dist, moons in planets:
    volume = 4 / 3 * 3.141592653589793 * (radius * 1e5) ** 3   # cm^3
    density = mass * 1e27 / volume                              # g/cm^3
    au = dist / 149.6
    print(f"{name:<8} {radius:>10,.1f} {mass:>10.4g} {au:>9.3f} {moons:>6d} {density:>8.2f}")
print("-" * len(header))
total_moons = sum(p[4] for p in planets)
heaviest = max(planets, key=lambda p: p[2])
print("%-8s %10s %10s %9s %6d" % ("total", "", "", "", total_moons))
print("heaviest: %s, %.1f times the Earth" % (heaviest[0], heaviest[2] / planets[2][2]))
