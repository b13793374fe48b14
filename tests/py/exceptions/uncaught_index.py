lst = []
lst[0]
