import sys
def main():
    try:
        return 0
    finally:
        print("finally before exit")
def run():
    code = main()
    sys.exit(code + 5)
run()
