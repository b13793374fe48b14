x = 10
y = "abc"
print(f"{x=}", f"{x = }", f"{x+1=}", f"{y=}", f"{y=!s}", f"{x=:5}", f"{x*2=:#x}")
print(f"{len(y)=}")
