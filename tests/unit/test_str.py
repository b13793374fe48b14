"""Prints CPython's results for the CASE lines of test_str_cases.h in test_str.c's format."""
import re, sys, os
src = open(os.path.join(os.path.dirname(__file__), "test_str_cases.h")).read()
for m in re.finditer(r'CASE\("((?:[^"\\]|\\.)*)"', src):
    label = m.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
    try:
        r = eval(label)
        print("%s -> %s" % (label, repr(r)))
    except Exception as e:
        print("%s !! %s: %s" % (label, type(e).__name__, e))
