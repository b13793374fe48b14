st = []
for i in range(5):
    st.append(i * i)
out = []
while st:
    out.append(st.pop())
print(out)
q = list(range(5))
res = []
while q:
    res.append(q.pop(0))
    if len(res) < 3:
        q.append(len(res) * 10)
print(res)
