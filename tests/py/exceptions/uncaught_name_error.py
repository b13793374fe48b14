def f():
    return missing_function()
f()
