print(KeyboardInterrupt.__mro__[1].__name__, issubclass(KeyboardInterrupt, BaseException))
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
