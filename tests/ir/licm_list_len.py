# ir: --func f --after licm
# A loop that only stores items (list_set) leaves the length of a alone: list_len a moves to
# the preheader, as does the type guard on a (with the frame state of the guard before the
# loop). The second loop appends: its list_len stays inside.
def f(a, n):
    for i in range(n):
        a[i] = 0
    for j in range(n):
        a.append(a[j])
    return a
