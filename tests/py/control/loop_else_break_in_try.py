for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("finally", i)
else:
    print("no")
print("after", i)
for i in range(3):
    try:
        continue
    finally:
        print("cont", i)
