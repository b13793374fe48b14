if True:
  print("two spaces")
  if True:
        print("eight more")
if True:
	print("tab")
def f():
    if True:
            return "deep"
print(f())
for i in range(1):
 print("one space")
