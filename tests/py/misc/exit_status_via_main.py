import sys
def main(argv):
    print("args:", argv[1:])
    return 4
if __name__ == "__main__":
    sys.exit(main(sys.argv))
