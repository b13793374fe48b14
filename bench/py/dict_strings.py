# Dictionaries keyed by strings: an inventory of named items updated by generated orders,
# with membership tests, get() with defaults, deletion, dict comprehensions and sorted views.
# Stresses: str hashing and comparison, dict insert/lookup/delete, str formatting of keys.
# Usage: dict_strings.py [orders]
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    names = ["item-%d-%s" % (i, "abcdefghij"[i % 10] * (1 + i % 4)) for i in range(5000)]
    stock = {}
    for i, name in enumerate(names):
        stock[name] = i % 17
    misses = 0
    removed = 0
    state = 12345
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        name = names[state % 5000]
        if state & 1024:
            name = name + "x"  # a key that is mostly absent
        qty = stock.get(name, -1)
        if qty < 0:
            misses += 1
            if state & 4096:
                stock[name] = 1
        elif qty == 0:
            del stock[name]
            removed += 1
        else:
            stock[name] = qty - 1
    by_letter = {}
    for name, qty in stock.items():
        letter = name[-1]
        by_letter[letter] = by_letter.get(letter, 0) + qty
    upper = {k.upper(): v for k, v in stock.items() if v > 10}
    print("keys:", len(stock), "misses:", misses, "removed:", removed)
    print("by letter:", sorted(by_letter.items()))
    print("upper:", len(upper), sorted(upper)[:3])
    print("present:", sum(1 for name in names if name in stock))


main()
