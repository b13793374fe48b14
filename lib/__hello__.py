# __hello__ -- the smallest module of the embedded library: proves lib/ is compiled into trident.
initialized = True


def main():
    print("Hello world!")


if __name__ == "__main__":
    main()
