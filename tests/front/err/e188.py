a = 0b
