lenght = 3
print(lenght)
prnt(lenght)
