# comment
x = (1,
     2)  # trailing

y = [
    1,
    2,
]
z = 1 + \
    2
if x:
    # comment at other indentation
        # another
    pass
    pass_line = 1
def f():
	if 1:
		return 2
w = 1
v = {
  'a': 1,
    'b': 2}
