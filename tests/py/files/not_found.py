try:
    open("definitely_missing_file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
    print(e.errno, e.strerror, e.filename)
try:
    open("definitely_missing_file.txt")
except OSError as e:
    print("OSError caught:", type(e).__name__)
