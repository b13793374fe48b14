f(éé=1 for a in b)
