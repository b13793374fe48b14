print("hi")
foo bar
