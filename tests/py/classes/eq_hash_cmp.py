# __eq__ / __hash__ / ordering with NotImplemented and reflected operands
class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented
class B(A):
    def __eq__(self, o):
        print("B.__eq__")
        return isinstance(o, A) and self.v == o.v
print(A(1) == B(1))
print(A(1) == A(1))
print(A(1) != A(2))
try:
    {A(1)}
except TypeError as e:
    print(e)
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"C({self.v})"
print(sorted([C(3), C(1), C(2)]), C(1) > C(0), max(C(5), C(9)))
try:
    C(1) <= C(2)
except TypeError as e:
    print(e)
class Plain: pass
p = Plain()
print(p == p, p != Plain(), hash(p) == hash(p), {p: 1}[p])
class R:
    def __radd__(self, o): return f"radd {o}"
    def __rsub__(self, o): return f"rsub {o}"
print(1 + R(), "s" - R() if False else 5 - R(), [1] + R())
class Sub(int):
    def __radd__(self, o): return "Sub.radd"
print(1 + Sub(2), Sub(2) + 1)
