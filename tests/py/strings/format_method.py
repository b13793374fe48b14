print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0}{0}{0}".format("ab"), "{{}} {}".format(5), "{:>5}|{:<5}|{:^5}".format(1, 2, 3))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}), "{!r} {!s} {!a}".format("q", "q", "é"))
print("{:08.3f}".format(3.14159), "{:+d}".format(5), "{:x} {:X} {:o} {:b}".format(255, 255, 8, 5))
print("{:,}".format(1234567), "{:_}".format(10**8), "{:.2%}".format(0.256), "{:e}".format(12345.678))
print("{0:{1}}|".format("a", 4), "{:{w}.{p}f}".format(2.71828, w=8, p=2))
try:
    "{}".format()
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
