# Counted range loops left through exceptions and finally blocks: the interpreter resumes with
# an iterator built from the compiled loop's counter (and must unwind it where CPython does).


def try_around(n):
    out = []
    try:
        for i in range(n):
            out.append(10 // (3 - i))
    except ZeroDivisionError:
        out.append("caught")
    return out, i


def finally_break(n):
    log = []
    for i in range(n):
        try:
            if i == 3:
                break
            log.append(i * 2**59)  # leaves 62 bits at i == 2: a deopt inside try
        finally:
            log.append("f%d" % i)
    return log


def while_outer(n):
    k = 0
    total = 0
    while k < 3:
        for i in range(k, n, 2):
            total = total * 31 + i
        k += 1
    return total % 1000007


def continue_deopt(n):
    acc = 1
    for i in range(n, 0, -1):
        if i % 3 == 0:
            continue
        acc = acc * i
    return acc % 1000003, i


def list_grows(n):
    lst = [0]
    for i in range(n):
        try:
            lst[i + 1] += 1
        except IndexError:
            lst.append(i)
    return lst


print(try_around(6))
print(finally_break(8))
print(while_outer(40))
print(continue_deopt(40), continue_deopt(1))
print(list_grows(7))
