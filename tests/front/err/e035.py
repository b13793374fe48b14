Ã©tÃ© = 1
print("a" 1)
