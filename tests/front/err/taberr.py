if x:
    pass
	pass_line = 1
