print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash(()) == hash(()))
print(hash(None) == hash(None), hash((1, "a")) == hash((1, "a")))
for v in ([], {}, set()):
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
