import textwrap
text = ("The quick brown fox jumps over the lazy dog. A well-known, self-contained example--with "
        "em-dashes--and supercalifragilisticexpialidocious words.  Tabs\there and\nnewlines too.")
for w in (10, 20, 35, 70):
    print(textwrap.wrap(text, w))
print(textwrap.fill(text, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.fill(text, 25, break_on_hyphens=False, break_long_words=False))
print(textwrap.fill(text, 40, fix_sentence_endings=True))
print(textwrap.wrap(text, 30, max_lines=2), textwrap.wrap(text, 30, max_lines=3, placeholder=' ...'))
print(textwrap.wrap('  leading and trailing  ', 10, drop_whitespace=False))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world!", width=11))
print(textwrap.shorten(text, 40, placeholder='...'))
print(repr(textwrap.dedent('''
    def f():
        return 1
  \t
    x = 2
''')))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   \n  x\n   y")))
print(repr(textwrap.indent("a\n\nb\n  \nc", "> ")), repr(textwrap.indent("a\nb", "+", lambda l: True)))
w = textwrap.TextWrapper(width=15, expand_tabs=False, replace_whitespace=False)
print(w.wrap("a\tb c\nd e f g h"))
for bad in [lambda: textwrap.wrap("x", 0), lambda: textwrap.wrap("abc def", 3, max_lines=1, placeholder=' [...]')]:
    try: bad()
    except ValueError as e: print(e)
print(textwrap.wrap(''), textwrap.fill(''), textwrap.wrap('   '))
