a = 0o
