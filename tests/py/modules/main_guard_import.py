# __name__ is "__main__" only for the script run; an imported module sees its own name
import greet_mod

if __name__ == "__main__":
    print("main:", __name__, "module:", greet_mod.__name__)
