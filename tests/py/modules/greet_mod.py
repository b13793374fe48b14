# helper module for import tests: runs once, however often it is imported
print("greet_mod: body runs, __name__ =", __name__)
GREETING = "hello"
_private = "hidden"
counter = 0


def greet(name):
    global counter
    counter += 1
    return f"{GREETING}, {name}!"


class Greeter:
    def __init__(self, who):
        self.who = who

    def __repr__(self):
        return f"Greeter({self.who!r})"


if __name__ == "__main__":
    print("greet_mod: run as a script (never printed on import)")
