try:
    pass
except (ValueError, TypeError):
    pass
except Exception as e:
    pass
else:
    print("try else")
finally:
    print("try finally")
try:
    raise ValueError("v")
except ValueError:
    print("caught")
finally:
    print("done")
