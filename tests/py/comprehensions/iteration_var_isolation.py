x = "keep"
[x for x in range(3)]
{x: 1 for x in range(3)}
{x for x in range(3)}
list(x for x in range(3))
print(x)
