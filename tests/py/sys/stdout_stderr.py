import sys
sys.stdout.write("out1\n")
sys.stderr.write("err1\n")
print("out2", file=sys.stdout)
print("err2", file=sys.stderr)
sys.stdout.flush()
print("done")
