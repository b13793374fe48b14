print("this never prints")
x = [1, 2
y = 3
z = (
