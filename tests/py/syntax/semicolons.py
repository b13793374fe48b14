a = 1; b = 2; c = a + b
print(a, b, c); print("second")
if c: print("inline if"); print("also inline")
for i in range(2): print(i)
while False: pass
def f(): return "one-liner"
print(f())
