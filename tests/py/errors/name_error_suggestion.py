# An uncaught NameError names the closest local, global or builtin, as CPython 3.11 does.
def total(values):
    running_sum = 0
    for v in values:
        running_sum += v
    return runing_sum

print(total([1, 2, 3]))
