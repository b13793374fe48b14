"""typing -- type hints for annotations, which have no run-time effect: the special forms, generic
aliases (List[int] prints as typing.List[int]), TypeVar, Generic, Protocol, NamedTuple and
TypedDict classes, cast/overload/final and the introspection helpers get_origin/get_args."""

import sys
import collections
import abc
import re as _re

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, _GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    return repr(obj)


def _type_check(arg, msg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _collect_params(args):
    params = []
    for a in args:
        if isinstance(a, TypeVar) and a not in params:
            params.append(a)
        for p in getattr(a, '__parameters__', ()) if not isinstance(a, type) else ():
            if p not in params:
                params.append(p)
    return tuple(params)


class _Final:
    __slots__ = ()


class ForwardRef(_Final):
    __slots__ = ('__forward_arg__', '__forward_module__')

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)


class TypeVar(_Final):
    """A type variable: T = TypeVar('T'); prints as ~T (+T covariant, -T contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = tuple(constraints)
        self.__bound__ = _type_check(bound, 'Bound') if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__module__ = 'typing' if name == 'AnyStr' else '__main__'

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        return '~' + self.__name__


class ParamSpecArgs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.args' % self.__origin__.__name__


class ParamSpecKwargs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.kwargs' % self.__origin__.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


class _GenericAlias(_Final):
    """X[args]: remembers its origin and arguments; calls and attribute reads go to the origin."""

    def __init__(self, origin, args, name=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = tuple(... if a is ... else a for a in args)
        self.__parameters__ = _collect_params(args)
        self._name = name
        self._inst = inst

    def __repr__(self):
        head = ('typing.' + self._name) if self._name else _type_repr(self.__origin__)
        if not self.__args__:
            return head + '[()]'
        return '%s[%s]' % (head, ', '.join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not self.__parameters__:
            raise TypeError('%r is not a generic class' % (self,))
        if len(params) != len(self.__parameters__):
            raise TypeError('Too %s arguments for %r; actual %d, expected %d'
                            % ('many' if len(params) > len(self.__parameters__) else 'few',
                               self, len(params), len(self.__parameters__)))
        subst = dict(zip(self.__parameters__, params))
        return self.copy_with(tuple(_subst(a, subst) for a in self.__args__))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


def _subst(arg, subst):
    if isinstance(arg, TypeVar):
        return subst.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg.copy_with(tuple(_subst(a, subst) for a in arg.__args__))
    return arg


class _CallableAlias(_GenericAlias):
    def __repr__(self):
        if len(self.__args__) == 2 and self.__args__[0] is ...:
            return 'typing.Callable[..., %s]' % _type_repr(self.__args__[1])
        params = ', '.join(_type_repr(a) for a in self.__args__[:-1])
        return 'typing.Callable[[%s], %s]' % (params, _type_repr(self.__args__[-1]))


class _SpecialGenericAlias(_Final):
    """List, Dict, ...: the bare name; subscripting makes a _GenericAlias."""

    def __init__(self, origin, nparams, name, inst=True):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name
        self._inst = inst

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, '') for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError('Too %s arguments for %r; actual %d, expected %d'
                            % ('many' if len(params) > self._nparams else 'few', self,
                               len(params), self._nparams))
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _TupleSpecial(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), name='Tuple')
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(tuple, tuple(_type_check(p, '') for p in params), name='Tuple')


class _CallableSpecial(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is ...:
            return _CallableAlias(self.__origin__, (..., _type_check(result, '')),
                                  name='Callable')
        if not isinstance(args, list):
            raise TypeError("Callable[args, result]: args must be a list. Got %r" % (args,))
        return _CallableAlias(self.__origin__,
                              tuple(_type_check(a, '') for a in args) + (_type_check(result, ''),),
                              name='Callable')


class _SpecialForm(_Final):
    """Any, Union, Optional, ClassVar, ...: each prints as typing.Name."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError('%r is not subscriptable' % (self,))
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate %r' % (self,))

    def __instancecheck__(self, obj):
        raise TypeError('%r cannot be used with isinstance()' % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError('%r cannot be used with issubclass()' % (self,))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass %r' % (self,))


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return 'typing.Optional[%s]' % _type_repr(other)
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def copy_with(self, args):
        return Union[args]


def _union_getitem(self, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(params, tuple):
        params = (params,)
    flat = []
    for p in params:
        p = _type_check(p, '')
        if isinstance(p, _UnionAlias):
            items = p.__args__
        else:
            items = (p,)
        for it in items:
            if it not in flat:
                flat.append(it)
    if len(flat) == 1:
        return flat[0]
    return _UnionAlias(self, tuple(flat), name='Union')


def _optional_getitem(self, param):
    return Union[param, None]


def _one_arg(self, param):
    if isinstance(param, tuple):
        raise TypeError('%s accepts only single type.' % self)
    return _GenericAlias(self, (_type_check(param, ''),), name=self._name)


def _literal_getitem(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _LiteralAlias(self, params, name='Literal')


class _LiteralAlias(_GenericAlias):
    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join(repr(a) for a in self.__args__)


def _many_args(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _GenericAlias(self, params, name=self._name)


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
ClassVar = _SpecialForm('ClassVar', _one_arg)
Final = _SpecialForm('Final', _one_arg)
TypeGuard = _SpecialForm('TypeGuard', _one_arg)
Required = _SpecialForm('Required', _one_arg)
NotRequired = _SpecialForm('NotRequired', _one_arg)
Unpack = _SpecialForm('Unpack', _one_arg)
Literal = _SpecialForm('Literal', _literal_getitem)
Concatenate = _SpecialForm('Concatenate', _many_args)


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,), name=None)
        self.__metadata__ = metadata

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (_type_repr(self.__origin__),
                                             ', '.join(repr(m) for m in self.__metadata__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


class Annotated:
    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments "
                            "(a type and an annotation).")
        return _AnnotatedAlias(_type_check(params[0], ''), tuple(params[1:]))


# --- Generic and Protocol ---

class _ProbeMroEntries:
    def __mro_entries__(self, bases):
        return (object,)


try:
    class _Probe(_ProbeMroEntries()):
        pass
    _HAS_MRO_ENTRIES = True
except TypeError:
    _HAS_MRO_ENTRIES = False      # the runtime does not call __mro_entries__ yet


class Generic:
    """Base of user generic classes: class Stack(Generic[T])."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls in (Generic, Protocol):
            if not params and cls is not Protocol:
                raise TypeError("Parameter list to %s[...] cannot be empty" % cls.__qualname__)
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec)):
                    raise TypeError('Parameters to %s[...] must all be type variables or '
                                    'parameter specification variables.' % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError('Parameters to %s[...] must all be unique' % cls.__name__)
            if not _HAS_MRO_ENTRIES:
                return cls
            return _GenericAlias(cls, params)
        params = tuple(_type_check(p, '') for p in params)
        expected = getattr(cls, '__parameters__', ())
        if expected and len(params) != len(expected):
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(params) > len(expected) else 'few', cls,
                               len(params), len(expected)))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        for base in cls.__dict__.get('__orig_bases__', ()):
            for p in getattr(base, '__parameters__', ()):
                if p not in tvars:
                    tvars.append(p)
        cls.__parameters__ = tuple(tvars)


class _ProtocolMeta(abc.ABCMeta):
    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get('_is_protocol', False):
            raise TypeError('Protocols cannot be instantiated')
        return super().__call__(*args, **kwargs)


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r'
                        % cls)
    cls._is_runtime_protocol = True
    return cls


# --- aliases of the concrete types ---

def _abc(name, *methods):
    # Stand-ins for collections.abc until there is one; only their names show.
    ns = {'__module__': 'collections.abc', '__slots__': ()}
    for m in methods:
        ns[m] = abc.abstractmethod(lambda self, *a: None)
    return abc.ABCMeta(name, (), ns)


_Hashable = _abc('Hashable', '__hash__')
_Sized = _abc('Sized', '__len__')
_Container = _abc('Container', '__contains__')
_Iterable = _abc('Iterable', '__iter__')
_Iterator = _abc('Iterator', '__next__')
_Reversible = _abc('Reversible', '__reversed__')
_Generator = _abc('Generator', 'send', 'throw')
_Collection = _abc('Collection', '__len__', '__iter__', '__contains__')
_CallableABC = _abc('Callable', '__call__')
_Sequence = _abc('Sequence', '__getitem__', '__len__')
_MutableSequence = _abc('MutableSequence', '__getitem__', '__setitem__', '__delitem__',
                        '__len__', 'insert')
_Set = _abc('Set', '__contains__', '__iter__', '__len__')
_MutableSet = _abc('MutableSet', '__contains__', '__iter__', '__len__', 'add', 'discard')
_Mapping = _abc('Mapping', '__getitem__', '__iter__', '__len__')
_MutableMapping = _abc('MutableMapping', '__getitem__', '__setitem__', '__delitem__',
                       '__iter__', '__len__')
_MappingView = _abc('MappingView')
_KeysView = _abc('KeysView')
_ItemsView = _abc('ItemsView')
_ValuesView = _abc('ValuesView')
_Awaitable = _abc('Awaitable', '__await__')
_Coroutine = _abc('Coroutine', 'send', 'throw')
_AsyncIterable = _abc('AsyncIterable', '__aiter__')
_AsyncIterator = _abc('AsyncIterator', '__anext__')
_AsyncGenerator = _abc('AsyncGenerator', 'asend', 'athrow')
_ContextManager = _abc('AbstractContextManager', '__exit__')
_ContextManager.__module__ = 'contextlib'
_AsyncContextManager = _abc('AbstractAsyncContextManager', '__aexit__')
_AsyncContextManager.__module__ = 'contextlib'

Hashable = _SpecialGenericAlias(_Hashable, 0, 'Hashable')
Sized = _SpecialGenericAlias(_Sized, 0, 'Sized')
Awaitable = _SpecialGenericAlias(_Awaitable, 1, 'Awaitable')
Coroutine = _SpecialGenericAlias(_Coroutine, 3, 'Coroutine')
AsyncIterable = _SpecialGenericAlias(_AsyncIterable, 1, 'AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_AsyncIterator, 1, 'AsyncIterator')
Iterable = _SpecialGenericAlias(_Iterable, 1, 'Iterable')
Iterator = _SpecialGenericAlias(_Iterator, 1, 'Iterator')
Reversible = _SpecialGenericAlias(_Reversible, 1, 'Reversible')
Container = _SpecialGenericAlias(_Container, 1, 'Container')
Collection = _SpecialGenericAlias(_Collection, 1, 'Collection')
Callable = _CallableSpecial(_CallableABC, -1, 'Callable')
AbstractSet = _SpecialGenericAlias(_Set, 1, 'AbstractSet')
MutableSet = _SpecialGenericAlias(_MutableSet, 1, 'MutableSet')
Mapping = _SpecialGenericAlias(_Mapping, 2, 'Mapping')
MutableMapping = _SpecialGenericAlias(_MutableMapping, 2, 'MutableMapping')
Sequence = _SpecialGenericAlias(_Sequence, 1, 'Sequence')
MutableSequence = _SpecialGenericAlias(_MutableSequence, 1, 'MutableSequence')
ByteString = _SpecialGenericAlias(bytes, 0, 'ByteString')
Tuple = _TupleSpecial(tuple, -1, 'Tuple', inst=False)
List = _SpecialGenericAlias(list, 1, 'List', inst=False)
Deque = _SpecialGenericAlias(collections.deque, 1, 'Deque')
Set = _SpecialGenericAlias(set, 1, 'Set', inst=False)
FrozenSet = _SpecialGenericAlias(frozenset, 1, 'FrozenSet', inst=False)
MappingView = _SpecialGenericAlias(_MappingView, 1, 'MappingView')
KeysView = _SpecialGenericAlias(_KeysView, 1, 'KeysView')
ItemsView = _SpecialGenericAlias(_ItemsView, 2, 'ItemsView')
ValuesView = _SpecialGenericAlias(_ValuesView, 1, 'ValuesView')
ContextManager = _SpecialGenericAlias(_ContextManager, 1, 'ContextManager')
AsyncContextManager = _SpecialGenericAlias(_AsyncContextManager, 1, 'AsyncContextManager')
Dict = _SpecialGenericAlias(dict, 2, 'Dict', inst=False)
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2, 'OrderedDict')
Counter = _SpecialGenericAlias(collections.Counter, 1, 'Counter')
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2, 'ChainMap')
Generator = _SpecialGenericAlias(_Generator, 3, 'Generator')
AsyncGenerator = _SpecialGenericAlias(_AsyncGenerator, 2, 'AsyncGenerator')
Type = _SpecialGenericAlias(type, 1, 'Type')
Text = str
AnyStr = TypeVar('AnyStr', bytes, str)


class SupportsInt(Protocol):
    __slots__ = ()


class SupportsFloat(Protocol):
    __slots__ = ()


class SupportsComplex(Protocol):
    __slots__ = ()


class SupportsBytes(Protocol):
    __slots__ = ()


class SupportsIndex(Protocol):
    __slots__ = ()


class SupportsAbs(Protocol):
    __slots__ = ()


class SupportsRound(Protocol):
    __slots__ = ()


class IO(Generic):
    __slots__ = ()


class TextIO(IO):
    __slots__ = ()


class BinaryIO(IO):
    __slots__ = ()


# --- NamedTuple and TypedDict ---

_NT_PROHIBITED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                            '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_NT_SPECIAL = frozenset({'__module__', '__name__', '__annotations__', '__qualname__',
                         '__doc__'})


def _make_namedtuple(name, types, module, defaults=()):
    types = dict(types)
    nt = collections.namedtuple(name, list(types), defaults=defaults, module=module)
    nt.__annotations__ = dict(types)
    return nt


class NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get('_root', False):
            return super().__new__(mcls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError('Non-default namedtuple field %s cannot follow default field%s %s'
                                % (field_name, 's' if len(default_names) > 1 else '',
                                   ', '.join(default_names)))
        nt = _make_namedtuple(typename, types, ns.get('__module__', '__main__'),
                              defaults=[ns[n] for n in default_names])
        for key in ns:
            if key in _NT_PROHIBITED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _NT_SPECIAL and key not in nt._fields:
                setattr(nt, key, ns[key])
        if ns.get('__doc__'):
            nt.__doc__ = ns['__doc__']
        return nt

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError('Either list of fields or keywords can be provided to NamedTuple, '
                            'not both')
        return _make_namedtuple(typename, [(n, t) for n, t in fields], '__main__')


class NamedTuple(metaclass=NamedTupleMeta):
    _root = True


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        for b in bases:
            if type(b) is not _TypedDictMeta and b is not dict:
                raise TypeError('cannot inherit from both a TypedDict type and a non-TypedDict '
                                'base class')
        ns = dict(ns)
        ns.pop('_root', None)
        tp = super().__new__(mcls, name, (dict,), ns)
        annotations = {}
        required, optional = set(), set()
        for b in bases:
            annotations.update(b.__dict__.get('__annotations__', {}))
            required.update(b.__dict__.get('__required_keys__', ()))
            optional.update(b.__dict__.get('__optional_keys__', ()))
        own = ns.get('__annotations__', {})
        annotations.update(own)
        for k, v in own.items():
            origin = getattr(v, '__origin__', None)
            if origin is Required:
                required.add(k)
            elif origin is NotRequired:
                optional.add(k)
            elif total:
                required.add(k)
            else:
                optional.add(k)
        tp.__annotations__ = annotations
        tp.__required_keys__ = frozenset(required)
        tp.__optional_keys__ = frozenset(optional)
        tp.__total__ = total
        return tp

    def __call__(cls, *args, total=True, **kwargs):
        if cls is TypedDict:
            return _typeddict_functional(*args, total=total, **kwargs)
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def _typeddict_functional(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': '__main__'}
    return _TypedDictMeta(typename, (), ns, total=total)


# A class rather than CPython's function, so that `class M(TypedDict)` needs no __mro_entries__.
TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {'__module__': 'typing'})


class NewType:
    """NewType('UserId', int): a callable that returns its argument unchanged."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass an instance of NewType. Perhaps you were looking for: '
                        '`%s = NewType(%r, %s)`' % ('ProUserId', 'ProUserId', self.__name__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


# --- functions ---

def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError('Expected code to be unreachable, but got: %s' % value)


def reveal_type(obj, /):
    print('Runtime type is %r' % type(obj).__name__, file=sys.stderr)
    return obj


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. A series of @overload-decorated functions "
        "outside a stub module should always be followed by an implementation that is not "
        "@overload-ed.")


def overload(func):
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default, 'field_specifiers': field_specifiers,
            'kwargs': kwargs}
        return cls_or_fn
    return decorator


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    gen_alias = type(list[int])
    if isinstance(tp, gen_alias):
        return tp.__origin__
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableAlias):
        args = tp.__args__
        if args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    gen_alias = type(list[int])
    if isinstance(tp, gen_alias):
        return tp.__args__
    return ()


def _resolve(value, globalns):
    if value is None:
        return type(None)
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        # There is no eval(): annotations of the form Name.attr[arg, ...] | other are parsed
        # here, names looked up in the module's globals, then builtins.
        parser = _AnnotationParser(value.__forward_arg__, globalns)
        try:
            result = parser.parse()
        except SyntaxError:
            return value
        return result
    return value


class _AnnotationParser:
    def __init__(self, text, globalns):
        self.toks = []
        i = 0
        while i < len(text):
            c = text[i]
            if c.isspace():
                i += 1
            elif text.startswith('...', i):
                self.toks.append('...')
                i += 3
            elif c in '[],|':
                self.toks.append(c)
                i += 1
            elif c.isalnum() or c in '_.':
                j = i
                while j < len(text) and (text[j].isalnum() or text[j] in '_.'):
                    j += 1
                self.toks.append(text[i:j])
                i = j
            else:
                raise SyntaxError(text)
        self.pos = 0
        self.globalns = globalns

    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def take(self):
        tok = self.peek()
        if tok is None:
            raise SyntaxError('end')
        self.pos += 1
        return tok

    def parse(self):
        result = self.union()
        if self.peek() is not None:
            raise SyntaxError('trailing')
        return result

    def union(self):
        left = self.atom()
        while self.peek() == '|':
            self.take()
            left = Union[left, self.atom()]
        return left

    def atom(self):
        tok = self.take()
        if tok == '...':
            return ...
        if tok == '[':
            items = self.items(']')
            return items
        if tok == 'None':
            return None
        parts = tok.split('.')
        if not all(p.isidentifier() for p in parts):
            raise SyntaxError(tok)
        obj = self.globalns.get(parts[0], _MISSING)
        if obj is _MISSING:
            import builtins
            obj = getattr(builtins, parts[0], _MISSING)
        if obj is _MISSING:
            raise NameError("name %r is not defined" % parts[0])
        for p in parts[1:]:
            obj = getattr(obj, p)
        if self.peek() == '[':
            self.take()
            args = self.items(']')
            obj = obj[args[0] if len(args) == 1 else tuple(args)]
        return obj

    def items(self, close):
        out = []
        while self.peek() != close:
            out.append(self.union())
            if self.peek() == ',':
                self.take()
        self.take()
        return out


_MISSING = object()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            mod = sys.modules.get(base.__module__)
            g = globalns if globalns is not None else (mod.__dict__ if mod else {})
            for name, value in ann.items():
                hints[name] = _resolve(value, g)
        return hints
    ann = getattr(obj, '__annotations__', None)
    if ann is None:
        return {}
    g = globalns
    if g is None:
        g = getattr(obj, '__globals__', None)
        if g is None:
            mod = sys.modules.get(getattr(obj, '__module__', None))
            g = mod.__dict__ if mod else {}
    for name, value in ann.items():
        hints[name] = _resolve(value, g)
    return hints


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


Pattern = _SpecialGenericAlias(type(_re.compile('')), 1, 'Pattern')
Match = _SpecialGenericAlias(type(_re.match('', '')), 1, 'Match')
