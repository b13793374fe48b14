# é
if x
  pass
