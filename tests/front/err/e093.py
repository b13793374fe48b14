if x:
  x
elif y:
y
