while 1:
    # c
