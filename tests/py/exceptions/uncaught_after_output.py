for i in range(3):
    print("line", i)
int("not a number")
