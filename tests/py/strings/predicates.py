for t in ("abc", "ABC", "123", "12.5", "abc123", "", " ", "\t\n", "Abc Def", "٣", "½", "x_y", "_id", "9x"):
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(),
          t.isspace(), t.isidentifier(), t.isprintable(), t.isascii())
