# a syntax error in an imported module: CPython's SyntaxError text, exit status 1
print("start")
import bad_syntax_mod
