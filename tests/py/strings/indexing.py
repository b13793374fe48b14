s = "abcdefghij"
print(s[0], s[-1], s[3], s[-10])
print(s[2:5], s[:3], s[7:], s[:], s[::2], s[::-1], s[-3:-1], s[5:2], s[1:8:3], s[8:1:-2])
print(s[100:], s[-100:2], s[2:100])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
