def f(): pass
for _ in (): pass
while 0: pass
if 1: pass
else: pass
try: pass
except Exception: pass
finally: pass
with open("pass_everywhere.py"): pass
print("all passed")
