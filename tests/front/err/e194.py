print (x) = 3
