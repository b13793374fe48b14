import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("code", e.code)
try:
    sys.exit("msg")
except SystemExit as e:
    print("code", e.code)
print("still running")
