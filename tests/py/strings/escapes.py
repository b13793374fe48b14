print('tab\there', 'nl\\n', 'quote\'s', "dq\"s", 'bell\a'.encode(), 'bs\b'.encode())
print('\x41\x62', '\101\102', '\0'.encode(), '\u00e9', '\U0001F600'.encode('utf-8'))
print('\N{LATIN SMALL LETTER E WITH ACUTE}', '\N{GREEK SMALL LETTER ALPHA}')
print(len('\n\r\t\v\f'), [ord(c) for c in '\n\r\t\v\f\a\b\\'])
print('line\
continued')
print(b'\x00\xff\n\\', b'\101')
print('\777'.encode('utf-8'), len('\777'))
