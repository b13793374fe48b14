import re
for p in ['(?P<', '(?P<a', '(?P=', '(?P=a', '(?(', '(?(1', '(?(1)a|b|c)', '(?P', '(?<', 'a{4294967296}', '(?i', '(?i-', '(?-', '(?ix-i:a)','(?a:x)', '(?-a:x)', '(?L)x', '(?au)x']:
    try: re.compile(p); print(p, 'ok')
    except Exception as e: print(p, isinstance(e, re.error), e)
