# shop.cart: a cart that prices lines against the catalog (relative imports of a sibling).
from . import catalog
from .catalog import DEFAULT_TAX as TAX, Item
from . import loaded

loaded.append(__name__)


class CartError(LookupError):
    pass


class Cart:
    def __init__(self, cat, tax=TAX):
        self.cat = cat
        self.tax = tax
        self.lines = {}

    def add(self, sku, qty=1):
        try:
            item = self.cat[sku]
        except KeyError:
            raise CartError(f"unknown sku {sku!r}") from None
        self.lines[sku] = self.lines.get(sku, 0) + qty
        return self

    def remove(self, sku):
        if sku not in self.lines:
            raise CartError(f"{sku!r} not in cart")
        del self.lines[sku]

    def total(self):
        return round(sum(self.cat[s].gross(self.tax) * q for s, q in self.lines.items()), 2)

    def receipt(self):
        rows = []
        for sku, qty in sorted(self.lines.items()):
            item: Item = self.cat[sku]
            rows.append(f"{item.name:<12}{qty:>3} x {item.gross(self.tax):>7.2f}")
        rows.append(f"{'TOTAL':<12}{self.total():>17.2f}")
        return "\n".join(rows)

    def __repr__(self):
        return f"Cart({len(self.lines)} lines, catalog of {len(self.cat)}, added={catalog.added()})"
