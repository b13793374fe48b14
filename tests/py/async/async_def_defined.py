async def fetch():
    return 1
print(type(fetch).__name__, fetch.__name__)
