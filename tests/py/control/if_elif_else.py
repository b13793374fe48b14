for n in (-5, 0, 5, 50, 500):
    if n < 0:
        print(n, "negative")
    elif n == 0:
        print(n, "zero")
    elif n < 10:
        print(n, "small")
    elif n < 100:
        print(n, "medium")
    else:
        print(n, "large")
if []:
    print("no")
elif {}:
    print("no")
else:
    print("empty containers are false")
