# A small inventory system: dicts of records, sorting, aggregation and a formatted report.
inventory = [
    {"sku": "A-100", "name": "widget", "qty": 25, "price": 2.50, "tags": ["metal", "small"]},
    {"sku": "B-220", "name": "gadget", "qty": 0, "price": 12.99, "tags": ["electronic"]},
    {"sku": "C-310", "name": "doohickey", "qty": 140, "price": 0.35, "tags": ["plastic", "small"]},
    {"sku": "D-405", "name": "thingamajig", "qty": 7, "price": 99.0, "tags": ["metal", "large"]},
    {"sku": "E-512", "name": "gizmo", "qty": 31, "price": 7.25, "tags": ["electronic", "small"]},
]

def value(item):
    return item["qty"] * item["price"]

def by_tag(items):
    tags = {}
    for item in items:
        for t in item["tags"]:
            tags.setdefault(t, []).append(item["sku"])
    return tags

print(f"{'SKU':<6} {'name':<12} {'qty':>5} {'price':>8} {'value':>10}")
for item in sorted(inventory, key=value, reverse=True):
    print(f"{item['sku']:<6} {item['name']:<12} {item['qty']:>5} {item['price']:>8.2f} {value(item):>10.2f}")
total = sum(value(i) for i in inventory)
print(f"{'total':<33} {total:>10.2f}")
out_of_stock = [i["name"] for i in inventory if not i["qty"]]
print("out of stock:", ", ".join(out_of_stock) or "none")
for tag, skus in sorted(by_tag(inventory).items()):
    print(f"  {tag:>10}: {' '.join(skus)}")
restock = {i["sku"]: max(0, 30 - i["qty"]) for i in inventory if i["qty"] < 30}
print("restock orders:", restock)
