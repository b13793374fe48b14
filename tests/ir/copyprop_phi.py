# ir: --func f --after copyprop
# Both arms set y to 1: constfold makes the phi of two equal constants one constant. z's
# phi is left with one operand when constfold removes the branch on `off`: it becomes x.
def f(c, x):
    if c:
        y = 1
    else:
        y = 1
    z = x
    off = False
    if off:
        z = c
    return y, z
