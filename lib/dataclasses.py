"""dataclasses -- the @dataclass decorator: reads a class's annotations as fields and adds
__init__, __repr__, __eq__, ordering, hashing and frozen-ness. There is no exec() here, so the
generated methods are closures over the field lists; __init__ binds its arguments itself and
raises the TypeErrors CPython's generated signature would."""

import sys
import copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

try:
    _EMPTY_METADATA = type(type.__dict__)({})
except TypeError:
    _EMPTY_METADATA = {}


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % type_name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,'
                'compare=%r,metadata=%r,kw_only=%r,_field_type=%s)'
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                   self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a_type):
    typing = sys.modules.get('typing')
    if typing is None:
        return False
    cv = getattr(typing, 'ClassVar', None)
    return a_type is cv or getattr(a_type, '__origin__', None) is cv


def _is_type_string(annotation, names):
    # A string annotation (from __future__ import annotations) naming ClassVar / InitVar.
    if not isinstance(annotation, str):
        return False
    head = annotation.strip().split('[', 1)[0].strip()
    return head in names


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type) or _is_type_string(a_type, ('ClassVar', 'typing.ClassVar')):
        f._field_type = _FIELD_CLASSVAR
    elif (a_type is InitVar or isinstance(a_type, InitVar)
          or _is_type_string(a_type, ('InitVar', 'dataclasses.InitVar'))):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % f.name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only' % f.name)
    if f._field_type is _FIELD and f.default is not MISSING:
        if type(f.default).__hash__ is None:
            raise ValueError('mutable default %s for field %s is not allowed: use '
                             'default_factory' % (type(f.default), f.name))
    return f


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


# --- __init__ without exec: bind the arguments the way CPython's generated signature would ---

def _name_list(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return '%s and %s' % tuple(quoted)
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _make_init(cls, std_fields, kw_fields, all_fields, frozen, has_post_init):
    pos_names = [f.name for f in std_fields]
    kw_names = [f.name for f in kw_fields]
    accepted = set(pos_names) | set(kw_names)
    n_pos = len(pos_names)
    n_required = sum(1 for f in std_fields
                     if f.default is MISSING and f.default_factory is MISSING)
    defaults = {}
    factories = {}
    for f in std_fields + kw_fields:
        if f.default_factory is not MISSING:
            factories[f.name] = f.default_factory
        elif f.default is not MISSING:
            defaults[f.name] = f.default
    # What __init__ does once bound: (name, kind) per field; kind 0 = assign the argument,
    # 1 = init=False with a default factory, 2 = InitVar (collected for __post_init__).
    steps = []
    for f in all_fields:
        if f._field_type is _FIELD_INITVAR:
            steps.append((f.name, 2, None))
        elif f._field_type is _FIELD:
            if f.init:
                steps.append((f.name, 0, None))
            elif f.default_factory is not MISSING:
                steps.append((f.name, 1, f.default_factory))
    setter = object.__setattr__
    qualname = [cls.__qualname__ + '.__init__']

    def fail(msg):
        raise TypeError('%s() %s' % (qualname[0], msg))

    def __init__(self, *args, **kwargs):
        values = {}
        nargs = len(args)
        for i in range(min(nargs, n_pos)):
            values[pos_names[i]] = args[i]
        for k, v in kwargs.items():
            if k not in accepted:
                fail('got an unexpected keyword argument %r' % k)
            if k in values:
                fail('got multiple values for argument %r' % k)
            values[k] = v
        if nargs > n_pos:
            if n_required < n_pos:
                takes = 'from %d to %d positional arguments' % (n_required + 1, n_pos + 1)
            else:
                takes = '%d positional argument%s' % (n_pos + 1, '' if n_pos == 0 else 's')
            given = nargs + 1
            kwonly_given = sum(1 for k in kwargs if k in kw_names)
            if kwonly_given:
                fail('takes %s but %d positional argument%s (and %d keyword-only argument%s) '
                     'were given' % (takes, given, '' if given == 1 else 's', kwonly_given,
                                     '' if kwonly_given == 1 else 's'))
            fail('takes %s but %d %s given' % (takes, given, 'was' if given == 1 else 'were'))
        missing = [n for n in pos_names if n not in values and n not in defaults
                   and n not in factories]
        if missing:
            fail('missing %d required positional argument%s: %s'
                 % (len(missing), '' if len(missing) == 1 else 's', _name_list(missing)))
        missing = [n for n in kw_names if n not in values and n not in defaults
                   and n not in factories]
        if missing:
            fail('missing %d required keyword-only argument%s: %s'
                 % (len(missing), '' if len(missing) == 1 else 's', _name_list(missing)))
        initvars = []
        for name, kind, factory in steps:
            if kind == 0:
                if name in values:
                    value = values[name]
                elif name in factories:
                    value = factories[name]()
                else:
                    value = defaults[name]
            elif kind == 1:
                value = factory()
            else:
                if name in values:
                    initvars.append(values[name])
                elif name in factories:
                    initvars.append(factories[name]())
                else:
                    initvars.append(defaults[name])
                continue
            if frozen:
                setter(self, name, value)
            else:
                setattr(self, name, value)
        if has_post_init:
            self.__post_init__(*initvars)

    __init__.__qualname__ = qualname[0]
    return __init__


def _make_repr(cls, flds):
    names = [f.name for f in flds]
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            body = ', '.join(['%s=%r' % (n, getattr(self, n)) for n in names])
        finally:
            running.discard(key)
        return '%s(%s)' % (self.__class__.__qualname__, body)

    __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
    return __repr__


def _tuple_getter(flds):
    names = [f.name for f in flds]

    def astuple_(self):
        return tuple([getattr(self, n) for n in names])
    return astuple_


def _make_cmp(cls, name, flds, op):
    key = _tuple_getter(flds)

    def method(self, other):
        if other.__class__ is self.__class__:
            return op(key(self), key(other))
        return NotImplemented

    method.__name__ = name
    method.__qualname__ = cls.__qualname__ + '.' + name
    return method


def _eq(a, b):
    return a == b


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _make_hash(cls, flds):
    key = _tuple_getter(flds)

    def __hash__(self):
        return hash(key(self))

    __hash__.__qualname__ = cls.__qualname__ + '.__hash__'
    return __hash__


def _make_frozen(cls, field_names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError('cannot assign to field %r' % name)
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError('cannot delete field %r' % name)
        super(cls, self).__delattr__(name)

    __setattr__.__qualname__ = cls.__qualname__ + '.__setattr__'
    __delattr__.__qualname__ = cls.__qualname__ + '.__delattr__'
    for name, fn in (('__setattr__', __setattr__), ('__delattr__', __delattr__)):
        if _set_new_attribute(cls, name, fn):
            raise TypeError('Cannot overwrite attribute %s in class %s' % (name, cls.__name__))


def _format_annotation(a):
    if isinstance(a, type):
        if a.__module__ == 'builtins':
            return a.__qualname__
        return '%s.%s' % (a.__module__, a.__qualname__)
    return repr(a)


def _signature_doc(cls, std_fields, kw_fields):
    def param(f):
        s = f.name
        if f.type is not MISSING:
            s += ': ' + _format_annotation(f.type)
            sep = ' = '
        else:
            sep = '='
        if f.default_factory is not MISSING:
            s += sep + '<factory>'
        elif f.default is not MISSING:
            s += sep + repr(f.default)
        return s
    parts = [param(f) for f in std_fields]
    if kw_fields:
        parts.append('*')
        parts.extend(param(f) for f in kw_fields)
    return '%s(%s)' % (cls.__name__, ', '.join(parts))


# (unsafe_hash, eq, frozen, has explicit __hash__) -> what to do with __hash__
def _hash_action(unsafe_hash, eq, frozen, explicit, cls, flds):
    if unsafe_hash:
        if explicit:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
        return _make_hash(cls, flds)
    if eq and not explicit:
        return _make_hash(cls, flds) if frozen else None
    return MISSING


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                   weakref_slot):
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw_only_now = kw_only
    kw_only_seen = False
    for name, a_type in cls_annotations.items():
        if (a_type is KW_ONLY or isinstance(a_type, _KW_ONLY_TYPE)
                or _is_type_string(a_type, ('KW_ONLY', 'dataclasses.KW_ONLY'))):
            if kw_only_seen:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified' % name)
            kw_only_seen = True
            kw_only_now = True
            continue
        cls_fields.append(_get_field(cls, name, a_type, kw_only_now))

    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError('%r is a field but has no type annotation' % name)

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_init = [f for f in all_init_fields if f.init and f.kw_only]

    if init:
        seen_default = False
        for f in std_init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError('non-default argument %r follows default argument' % f.name)
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, '__init__',
                           _make_init(cls, std_init, kw_init, all_init_fields, frozen,
                                      has_post_init))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr(cls, [f for f in field_list if f.repr]))

    compare_fields = [f for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _make_cmp(cls, '__eq__', compare_fields, _eq))

    if order:
        for name, op in (('__lt__', _lt), ('__le__', _le), ('__gt__', _gt), ('__ge__', _ge)):
            if _set_new_attribute(cls, name, _make_cmp(cls, name, compare_fields, op)):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                                'functools.total_ordering' % (name, cls.__name__))

    if frozen:
        _make_frozen(cls, frozenset(f.name for f in field_list))

    hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    action = _hash_action(bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash, cls,
                          hash_fields)
    if action is not MISSING:
        cls.__hash__ = action

    if not getattr(cls, '__doc__'):
        try:
            cls.__doc__ = _signature_doc(cls, std_init, kw_init)
        except Exception:
            pass

    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init))

    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc = sys.modules.get('abc')
    if abc is not None and hasattr(cls, '__abstractmethods__'):
        abc.update_abstractmethods(cls)
    return cls


def _add_slots(cls, is_frozen, weakref_slot):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in getattr(cls, _FIELDS).values()
                        if f._field_type is _FIELD)
    inherited = set()
    for b in cls.__mro__[1:-1]:
        for s in getattr(b, '__slots__', ()) or ():
            inherited.add(s)
    slots = [n for n in field_names if n not in inherited]
    if weakref_slot:
        slots.append('__weakref__')
    cls_dict['__slots__'] = tuple(slots)
    for n in field_names:
        cls_dict.pop(n, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    return new_cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        flds = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in flds.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _convert_inner(obj, to_dataclass, factory):
    if _is_dataclass_instance(obj):
        return to_dataclass(obj)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_convert_inner(v, to_dataclass, factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert_inner(v, to_dataclass, factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_convert_inner(k, to_dataclass, factory),
                          _convert_inner(v, to_dataclass, factory)) for k, v in obj.items())
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")

    def conv(o):
        return dict_factory([(f.name, _convert_inner(getattr(o, f.name), conv, dict_factory))
                             for f in fields(o)])
    return conv(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")

    def conv(o):
        return tuple_factory([_convert_inner(getattr(o, f.name), conv, tuple_factory)
                              for f in fields(o)])
    return conv(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be specified '
                                 'with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError('InitVar %r must be specified with replace()' % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True,
                   order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
                   slots=False, weakref_slot=False, module=None):
    ns = dict(namespace) if namespace is not None else {}
    seen = set()
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            ns[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp
    ns['__annotations__'] = annotations
    ns['__module__'] = module if module is not None else '__main__'
    cls = type(cls_name, tuple(bases), ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
