# ir: --func f --after specialize
# Float accumulation: x starts as 0.0 and stays a float, so it becomes a double phi; the int
# counter i is an int64 phi, converted with i64_to_f64 where it meets a float, and `/` by a
# float becomes div_f64 (which deopts on a zero divisor, so the interpreter raises).
def f(n, d):
    x = 0.0
    i = 0
    while i < n:
        x = x * 0.5 + i / 2.0
        i = i + 1
    return -x, x / d

print(f(10, 4.0))
