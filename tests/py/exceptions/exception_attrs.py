e = ValueError("x")
print(e.args, e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__traceback__ is not None)
k = KeyError("a", "b")
print(k, k.args)
