data = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, 100.0)]
print(f"{'name':<8}{'n':>5}{'v':>9}")
for name, n, v in data:
    print(f"{name:<8}{n:>5d}{v:>9.2f}")
print(f"{'':-<22}")
print(f"{'sum':<8}{sum(r[1] for r in data):>5}{sum(r[2] for r in data):>9.2f}")
