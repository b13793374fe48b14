"""copy -- shallow and deep copies: copy() and deepcopy() with a memo dict, honouring
__copy__ / __deepcopy__ and rebuilding plain instances through __reduce_ex__-free paths."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, complex, str, bytes, type, range, type(Ellipsis),
           type(NotImplemented), frozenset, type(len), type(lambda: 0))


def copy(x):
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    if cls is tuple:
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls in (set, bytearray):
        y = cls(deepcopy(item, memo) for item in x) if cls is set else bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo):
    """A new instance of type(x) with x's attributes (deep-copied when memo is given)."""
    cls = type(x)
    if isinstance(x, dict) or isinstance(x, list) or isinstance(x, set):
        y = cls.__new__(cls)
        if memo is not None:
            memo[id(x)] = y
    elif isinstance(x, tuple):
        args = tuple(x) if memo is None else tuple(deepcopy(a, memo) for a in x)
        y = cls.__new__(cls, *args) if hasattr(cls, '_fields') else tuple.__new__(cls, args)
        return y
    else:
        y = object.__new__(cls)
        if memo is not None:
            memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if hasattr(x, '__getstate__') and type(x).__getstate__ is not getattr(object, '__getstate__', None):
        state = x.__getstate__()
    if state:
        if memo is not None:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            y.__dict__.update(state)
    if isinstance(x, list):
        y.extend(x if memo is None else [deepcopy(i, memo) for i in x])
    elif isinstance(x, dict):
        for k, v in x.items():
            y[k if memo is None else deepcopy(k, memo)] = v if memo is None else deepcopy(v, memo)
    elif isinstance(x, set):
        for k in x:
            y.add(k if memo is None else deepcopy(k, memo))
    return y
