	if x:
  y
