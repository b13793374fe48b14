"""types -- names for the interpreter's built-in types (found by taking type() of a sample of each),
plus SimpleNamespace, new_class and DynamicClassAttribute."""

import sys


def _f():
    pass


def _gen():
    yield 1


async def _coro():
    pass


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
GeneratorType = type(_gen())
_c = _coro()
CoroutineType = type(_c)
try:
    _c.close()
except Exception:
    pass
del _c
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
CellType = type((lambda x: lambda: x)(0).__closure__[0]) if hasattr(_f, '__closure__') else None
try:
    WrapperDescriptorType = type(object.__init__)
    MethodWrapperType = type((1).__add__)
    MethodDescriptorType = type(str.join)
    ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
    GetSetDescriptorType = type(type.__dict__['__dict__'])
except Exception:
    pass
try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    FrameType = type(_e.__traceback__.tb_frame)
    del _e
try:
    GenericAlias = type(list[int])
except Exception:
    pass
try:
    UnionType = type(int | str)
except Exception:
    pass


class SimpleNamespace:
    """A plain attribute bag whose repr lists its attributes in insertion order."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        if _repr_running.get(id(self)):
            return name + '(...)'
        _repr_running[id(self)] = True
        try:
            parts = ['%s=%r' % (k, v) for k, v in self.__dict__.items()]
        finally:
            del _repr_running[id(self)]
        return '%s(%s)' % (name, ', '.join(parts))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))


_repr_running = {}


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Creates a class the way a class statement would, with exec_body filling its namespace."""
    meta, ns, kwds = prepare_class(name, bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    return meta(name, resolve_bases(bases), ns, **kwds)


def resolve_bases(bases):
    out = []
    changed = False
    for b in bases:
        if isinstance(b, type) or not hasattr(b, '__mro_entries__'):
            out.append(b)
            continue
        changed = True
        out.extend(b.__mro_entries__(bases))
    return tuple(out) if changed else bases


def prepare_class(name, bases=(), kwds=None):
    kwds = dict(kwds) if kwds else {}
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        for b in bases:
            bm = type(b)
            if issubclass(meta, bm):
                continue
            if issubclass(bm, meta):
                meta = bm
                continue
            raise TypeError("metaclass conflict: the metaclass of a derived class must be a "
                            "(non-strict) subclass of the metaclasses of all its bases")
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def coroutine(func):
    return func


class DynamicClassAttribute:
    """A property on instances that looks the name up on the class (via __getattr__) instead."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or (fget.__doc__ if fget is not None else None)
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        if self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)


del sys, _f, _gen, _coro, _C
