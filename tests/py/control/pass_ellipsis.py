def f():
    pass
if True:
    pass
for _ in range(2):
    pass
while False:
    ...
print(f(), ..., Ellipsis, type(...).__name__)
