class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key
try:
    raise NotFound("k")
except AppError as e:
    print(type(e).__name__, e, e.key)
