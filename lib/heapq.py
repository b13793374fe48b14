"""heapq -- heap queue algorithm. The primitives come from the C module _heapq; merge,
nlargest and nsmallest are written here on top of them."""

from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    _heappop_max, _heapify_max, _heapreplace_max)

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator; equal items keep input order."""
    # Each entry: [sort key, input number (breaks ties by input order), value, iterator].
    # For reverse order the input number is negated so that the max-heap still prefers
    # the earlier input.
    entries = []
    sign = -1 if reverse else 1
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            k = value if key is None else key(value)
            entries.append([k, order * sign, value, it])
            break
    if reverse:
        _heapify_max(entries)
        pop, replace = _heappop_max, _heapreplace_max
    else:
        heapify(entries)
        pop, replace = heappop, heapreplace
    while entries:
        top = entries[0]
        yield top[2]
        for value in top[3]:
            top[0] = value if key is None else key(value)
            top[2] = value
            replace(entries, top)
            break
        else:
            pop(entries)


def nsmallest(n, iterable, key=None):
    """The n smallest items, as sorted(iterable, key=key)[:n]."""
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items, as sorted(iterable, key=key, reverse=True)[:n]."""
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
