s = """abc


