from abc import ABC, ABCMeta, abstractmethod, abstractproperty
import abc
class Base(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self): return "shape " + self.name()
print(sorted(Base.__abstractmethods__))
try: Base()
except TypeError as e: print(e)
class Half(Base):
    def area(self): return 1
try: Half()
except TypeError as e: print(e)
class Sq(Half):
    def name(self): return "sq"
s = Sq(); print(s.describe(), s.area(), Sq.__abstractmethods__)
print(isinstance(s, Base), issubclass(Sq, Base), type(Base), type(Sq))
class P(ABC):
    @property
    @abstractmethod
    def x(self): pass
    @classmethod
    @abstractmethod
    def mk(cls): pass
    @staticmethod
    @abstractmethod
    def st(): pass
try: P()
except TypeError as e: print(e)
class PP(P):
    x = 3
    @classmethod
    def mk(cls): return cls()
    @staticmethod
    def st(): return 'st'
print(PP.mk().x, PP.st())
class M(metaclass=ABCMeta):
    @abstractmethod
    def f(self): pass
try: M()
except TypeError as e: print(e)
class R(ABC): pass
R.register(int)
print(R.register(float), type(R()).__name__, abc.get_cache_token() >= 0)
print(issubclass(R, ABC), ABC.__slots__)
