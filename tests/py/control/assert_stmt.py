assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError:", repr(e), e.args)
try:
    assert False, "message here"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert [], ["list", 1]
except AssertionError as e:
    print("AssertionError:", e)
