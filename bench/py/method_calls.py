# Method calls: virtual dispatch over a small class hierarchy, super() calls, bound methods,
# getters and setters, and a visitor over an expression tree.
# Stresses: method lookup and call overhead, attribute access, recursion.
# Usage: method_calls.py [rounds]
import sys


class Node:
    def evaluate(self, env):
        raise NotImplementedError

    def count(self):
        return 1


class Const(Node):
    def __init__(self, value):
        self.value = value

    def evaluate(self, env):
        return self.value


class Var(Node):
    def __init__(self, name):
        self.name = name

    def evaluate(self, env):
        return env.lookup(self.name)


class BinOp(Node):
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def count(self):
        return 1 + self.left.count() + self.right.count()


class Add(BinOp):
    def evaluate(self, env):
        return self.left.evaluate(env) + self.right.evaluate(env)


class Mul(BinOp):
    def evaluate(self, env):
        return self.left.evaluate(env) * self.right.evaluate(env) % 1000003


class Sub(BinOp):
    def evaluate(self, env):
        return self.left.evaluate(env) - self.right.evaluate(env)

    def count(self):
        return super().count() + 1


class Env:
    def __init__(self):
        self.values = {}

    def set(self, name, value):
        self.values[name] = value

    def lookup(self, name):
        return self.values[name]


def build(depth, seed):
    if depth == 0:
        if seed % 3 == 0:
            return Var("xyz"[seed % 5 % 3])
        return Const(seed % 10)
    kind = seed % 3
    left = build(depth - 1, seed * 7 + 1)
    right = build(depth - 1, seed * 13 + 5)
    if kind == 0:
        return Add(left, right)
    if kind == 1:
        return Mul(left, right)
    return Sub(left, right)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    tree = build(9, 1)
    env = Env()
    setter = env.set
    total = 0
    for r in range(rounds):
        setter("x", r)
        setter("y", r * 2 + 1)
        setter("z", 7 - r)
        total = (total + tree.evaluate(env)) % 1000000007
    print("nodes:", tree.count())
    print("total:", total)


main()
