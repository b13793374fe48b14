log = []
def t(x):
    log.append(x)
    return x
print(t(0) and t(1), log)
log.clear()
print(t(1) and t(2) and t(3), log)
log.clear()
print(t(0) or t("") or t("x") or t("y"), log)
log.clear()
print(not t(0), not t([1]), log)
