x = 5
print(-x, +x, ~x, not x, -(-x), - - x, +-x, -True, +True, ~False, -0.0, -(0.0), not "")
