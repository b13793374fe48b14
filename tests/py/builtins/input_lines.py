name = input()
age = int(input("age? "))
print("name:", name, "age:", age + 1)
rest = []
while True:
    try:
        rest.append(input())
    except EOFError:
        break
print(rest)
