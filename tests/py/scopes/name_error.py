def f():
    return undefined_name
try:
    f()
except NameError as e:
    print("NameError:", e)
try:
    print(also_missing)
except NameError as e:
    print("NameError:", e)
