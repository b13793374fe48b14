a = 0o8
