"""Module docstring."""
def f():
    """Function docstring."""
    return 1
print(__doc__, f.__doc__, f())
