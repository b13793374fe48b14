while True:
# comment only
break
