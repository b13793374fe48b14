x = "\N{x"
