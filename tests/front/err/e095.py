class A:
y
