class A:
    x = 1
    def m(self):
        return self.x
class B(A, metaclass=type):
    """Doc."""
    def m(self):
        return super().m()
    @property
    def p(self):
        return __class__
    def __private(self):
        self.__y = 1
def f():
    class C:
        y = z
    return C
x: int = 5
y: list
class D:
    a: int
    b: str = "s"
