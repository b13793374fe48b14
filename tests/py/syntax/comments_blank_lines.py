# leading comment

x = 1  # trailing comment
   # indented comment line
y = 2


# comment between statements
def f():
    # comment in body

    return x + y  # end

print(f())  # done
