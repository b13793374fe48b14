# shop: a tiny package for programs/pkgdemo.py -- re-exports from its two modules.
VERSION = (1, 2)
loaded = []  # defined before the submodule imports: catalog appends to it while we initialise

from .catalog import Item, Catalog, DEFAULT_TAX  # noqa: E402
from .cart import Cart, CartError  # noqa: E402

__all__ = ["Item", "Catalog", "Cart", "CartError", "make_shop"]


def make_shop(rows):
    cat = Catalog()
    for row in rows:
        cat.add(Item(*row))
    return cat
