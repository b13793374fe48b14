n = 1
print(fr"\n{n}\t", rf'{n}\d', f"tab\t{n}", f"\x41{n}\u00e9")
print(f"{n}\N{BULLET}{n}")
