# ir: --func f --after specialize
# a[i] with i a known int: a is guarded to be a list, the index to lie in [0, len), and the
# item is read with list_item; a[-1] counts from the end; a[i] = v becomes list_set. Anything
# else (a dict, an index out of range) deopts to the interpreter.
def f(a, n):
    for i in range(n):
        a[i] = a[i] + a[-1]
    return a

print(f([1, 2, 3], 2))
