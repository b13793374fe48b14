import re
re.compile("(ab")
