def divide(a, b):
    return a / b
def main():
    print("before")
    return divide(1, 0)
main()
print("never")
