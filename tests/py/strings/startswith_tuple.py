for name in ("test_a.py", "main.c", "README", "x.py.bak"):
    print(name, name.endswith((".py", ".c")), name.startswith(("test", "R")))
