d = {"k": [1, 2, 3]}
print(f"{d['k'][-1]}", f"{len(d)}", f"{(lambda q: q * 2)(4)}", f"{1 if d else 0}")
print(f"{3 + 4j}", f"{-5:+}", f"{not d}", f"{2**10:_}", f"{'a' 'b'}")
print(f"{[i * i for i in range(4)]}", f"{ {1, 2} == {2, 1} }", f"{(1, 2)}")
