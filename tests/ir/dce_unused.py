# ir: --func f --after dce
# Values nothing uses go (an `is` test whose result is dropped, its constant); calls stay, even
# when their result is unused.
def f(x):
    x is None
    print(x)
    return x
