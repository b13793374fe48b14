print("%s %d %i %f" % ("a", 3, 4, 2.5))
print("%5s|%-5s|%05d|%+d|% d" % ("ab", "cd", 42, 7, 7))
print("%x %X %o %#x %#o %e %E %g %G" % (255, 255, 8, 255, 8, 12345.678, 0.00012, 1e-10, 1e20))
print("%.3f %10.2f %-10.1f| %.0f" % (3.14159, 2.5, 1.25, 2.5))
print("%r %a %s" % ("é", "é", "é"), "%c%c" % (65, "z"), "%%", "%s" % [1, 2])
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % (1,), "%s" % "x", "%d%%" % 50)
print(b"%s %d" % (b"x", 5))
for args in ((1, 2), ()):
    try:
        print("%d" % args)
    except TypeError as e:
        print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%z" % 1)
except ValueError as e:
    print("ValueError:", e)
