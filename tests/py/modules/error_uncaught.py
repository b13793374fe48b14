# an exception while importing goes through the import line; exit status 1
print("start")
import raises_mod
print("not reached")
