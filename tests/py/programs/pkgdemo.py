# A program using a package of two modules (lib/shop: __init__, catalog, cart) that import each
# other relatively; checks module caching, __name__/__package__, and the package namespace.
import sys

sys.path.insert(0, sys.path[0] + "/lib")

import shop
from shop import Cart, CartError, make_shop
from shop.catalog import Item, added
import shop.cart as cart_mod

print(shop.__name__, shop.__package__, shop.VERSION)
print(shop.loaded)
print(sorted(k for k in sys.modules if k == "shop" or k.startswith("shop.")))
print(cart_mod is sys.modules["shop.cart"], shop.cart is cart_mod, shop.catalog.Item is Item)
print(cart_mod.__name__, cart_mod.__package__, Item.__module__, Cart.__module__)
print(shop.__all__, shop.DEFAULT_TAX, cart_mod.TAX)
print(sorted(n for n in dir(shop) if not n.startswith("_")))

cat = make_shop([
    ("A100", "apple", 0.5, False),
    ("B200", "bread", 2.25),
    ("C300", "cheese", 7.8),
    ("D400", "dish soap", 3.99),
    ("E500", "eggs", 3.1, False),
])
print(len(cat), added(), [i.sku for i in cat])
print(cat["C300"], cat["C300"].gross())
print(cat.search("e"), sorted(cat)[0] < sorted(cat)[1])
try:
    cat["C300"].price = 1
except Exception as e:
    print(type(e).__name__, e)

cart = Cart(cat)
cart.add("A100", 6).add("B200").add("C300", 2).add("E500")
cart.add("B200")
print(cart)
print(cart.receipt())
for bad in ["Z999", "D400"]:
    try:
        if bad == "D400":
            cart.remove(bad)
        else:
            cart.add(bad)
    except CartError as e:
        print("CartError:", e, isinstance(e, LookupError))
cart.remove("A100")
low = Cart(cat, tax=0.0)
low.lines = dict(cart.lines)
print(cart.total(), low.total())

import importlib
again = importlib.import_module("shop.catalog")
print(again is shop.catalog, shop.loaded)
from shop import *  # noqa: F403
print(sorted(n for n in ("Item", "Catalog", "Cart", "CartError", "make_shop") if n in globals()))
try:
    from shop import nothing_here  # noqa: F401
except ImportError as e:
    print(type(e).__name__ + ":", str(e).replace(sys.path[0], "<dir>"))
try:
    import shop.missing  # noqa: F401
except ModuleNotFoundError as e:
    print(type(e).__name__ + ":", e, e.name)
