import sys
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
print("after", file=None)
n = sys.stdout.write("abc\n")
print(n)
