# cooperative multiple inheritance with super(), explicit super(C, self), classmethods
class Base:
    def __init__(self, **kw):
        print("Base", sorted(kw))
    def who(self):
        return ["Base"]
class Left(Base):
    def __init__(self, left=0, **kw):
        print("Left", left)
        super().__init__(**kw)
    def who(self):
        return ["Left"] + super().who()
class Right(Base):
    def __init__(self, right=0, **kw):
        print("Right", right)
        super().__init__(**kw)
    def who(self):
        return ["Right"] + super(Right, self).who()
class Both(Left, Right):
    def __init__(self, **kw):
        super().__init__(**kw)
    def who(self):
        return ["Both"] + super().who()
b = Both(left=1, right=2, extra=3)
print(b.who(), [c.__name__ for c in Both.__mro__])
class K:
    @classmethod
    def make(cls):
        return cls.__name__
class K2(K):
    @classmethod
    def make(cls):
        return "K2+" + super().make()
print(K2.make(), K2().make())
print(super(K2, K2).make())
class WithRepr:
    def __repr__(self):
        return "WR<" + super().__repr__()[:10] + ">"
print(WithRepr())
class Closure:
    def method(self):
        def inner():
            return __class__.__name__
        return inner()
print(Closure().method())
try:
    super()
except RuntimeError as e:
    print(e)
