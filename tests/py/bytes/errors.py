for f in (lambda: bytes([256]), lambda: bytes([-1]), lambda: b"a" + "b", lambda: bytes("x"),
          lambda: b"abc".index(b"z")):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
