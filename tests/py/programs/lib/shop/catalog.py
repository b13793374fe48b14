# shop.catalog: items and a catalog of them.
from dataclasses import dataclass

DEFAULT_TAX = 0.08
_counter = 0


@dataclass(frozen=True, order=True)
class Item:
    sku: str
    name: str
    price: float
    taxable: bool = True

    def gross(self, tax=DEFAULT_TAX):
        return round(self.price * (1 + tax), 2) if self.taxable else self.price


class Catalog:
    def __init__(self):
        self._items = {}

    def add(self, item):
        global _counter
        _counter += 1
        self._items[item.sku] = item

    def __getitem__(self, sku):
        return self._items[sku]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(sorted(self._items.values()))

    def search(self, word):
        return [i.sku for i in self if word in i.name]


def added():
    return _counter


from . import loaded  # noqa: E402  (the package is half-initialised, but `loaded` exists)

loaded.append(__name__)
