/*
 * x64_arith.h -- inline fast paths of the generic arithmetic, comparison and truth operations
 * (binop, compare, truth) for small ints and floats. x64_gen.c loads the operands, calls these
 * emitters, and places the slow paths (helper calls) out of line.
 */
#ifndef TR_X64_ARITH_H
#define TR_X64_ARITH_H

#include "backend/x86_64/x64_encode.h"

/* What the code generator knows about the operands of a fast path. */
enum {
    X64A_A_DBL = 1 << 0,  /* operand a is a double in xmm0 (not a tagged word in rax) */
    X64A_B_DBL = 1 << 1,  /* operand b is a double in xmm1 (not a tagged word in rcx) */
    X64A_NO_INT = 1 << 2, /* an operand is known not to be an int: no small-int path */
    X64A_NO_FLT = 1 << 3, /* an operand is known to be neither float nor int: no float path */
};

/* Whether binop op (TrBinOp, in-place forms included) / compare op (TrCmpOp) has a fast path
   for operands described by kinds. */
bool x64_arith_has_binop(int op, unsigned kinds);
bool x64_arith_has_compare(int op, unsigned kinds);

/* The fast path of a binop: a tagged in rax (or a double in xmm0), b in rcx (or xmm1). Falls
   through with the tagged result in rax; jumps to slow when the operands are not handled (rax,
   rcx and xmm0-2 may have been changed: the caller reloads the operands), or to boxf with a
   double result in xmm0 that has no flonum word (the caller boxes it and goes on). Uses only
   rax rcx rdx r8 r9 r11 and xmm0-2. */
void x64_arith_binop(X64Asm *a, int op, unsigned kinds, X64Label slow, X64Label boxf);
/* The fast path of a compare, operands as above: falls through with eax = 0 or 1. */
void x64_arith_compare(X64Asm *a, int op, unsigned kinds, X64Label slow);
/* Python's // (or % with mod) of rax by rcx, untagged, rcx != 0: the result in rax; uses rdx,
   r8, r9. */
void x64_floordiv_mod(X64Asm *a, bool mod);
/* bool(rax) for True, False, None, small ints and flonums: falls through with eax = 0 or 1. */
void x64_arith_truth(X64Asm *a, X64Label slow);

#endif
