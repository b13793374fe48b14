/*
 * x64_encode.h -- trident's x86-64 instruction encoder: registers, memory operands, labels and
 * one function per operand shape (x64_rr, x64_ri, x64_rm...), all writing into an McCode through
 * an X64Asm. The bytes come from x64_forms.def; among an op's forms the encoder picks the one GNU
 * as picks (shortest: imm8, accumulator and B8+r short forms), so output matches `as` exactly.
 * Relocation addends are ELF RELA ones, S + A - P with P the field: call sym records -4, and
 * [rip+sym+d] records d - 4 - (immediate bytes after the field), exactly what `as` writes.
 *
 *     X64Asm a; x64_asm_init(&a, &mc);
 *     X64Label done = x64_label_new(&a);
 *     x64_rm(&a, X64_MOV, X64_Q, X64_RAX, x64_mem(X64_RDI, 16));  // mov rax, [rdi+16]
 *     x64_ri(&a, X64_CMP, X64_Q, X64_RAX, 0);                      // cmp rax, 0 (imm8 form)
 *     x64_jcc(&a, X64_CC_E, done);                                 // je done (rel32, patched)
 *     x64_call(&a, "tr_int_add");                                  // MC_RELOC_CALL
 *     x64_label_bind(&a, done);
 *     x64_op(&a, X64_RET);
 *     x64_asm_done(&a);
 */
#ifndef TR_X64_ENCODE_H
#define TR_X64_ENCODE_H

#include "backend/mcode.h"

/* General registers in encoding order. X64_RIP is only a memory base (x64_mem_rip). */
/* clang-format off */
typedef enum {
    X64_NOREG = -1,
    X64_RAX, X64_RCX, X64_RDX, X64_RBX, X64_RSP, X64_RBP, X64_RSI, X64_RDI,
    X64_R8, X64_R9, X64_R10, X64_R11, X64_R12, X64_R13, X64_R14, X64_R15,
    X64_RIP
} X64Reg;

typedef enum {
    X64_XMM0, X64_XMM1, X64_XMM2, X64_XMM3, X64_XMM4, X64_XMM5, X64_XMM6, X64_XMM7,
    X64_XMM8, X64_XMM9, X64_XMM10, X64_XMM11, X64_XMM12, X64_XMM13, X64_XMM14, X64_XMM15
} X64Xmm;
/* clang-format on */

/* Operand size of a GPR operation, in bytes. 32-bit results zero-extend into the full register.
   A byte operation on registers 4..7 means spl/bpl/sil/dil (a REX prefix is emitted), never
   ah/ch/dh/bh. SSE-only operations ignore the size. */
typedef enum { X64_B = 1, X64_D = 4, X64_Q = 8 } X64Size;

typedef enum {
#define X64_OP(name, mnemonic) X64_##name,
#include "backend/x86_64/x64_forms.def"
    X64_OP__COUNT
} X64Op;

typedef enum {
#define X64_COND(name, code) X64_CC_##name,
#include "backend/x86_64/x64_forms.def"
    X64_CC__COUNT,
    X64_CC_C = X64_CC_B,
    X64_CC_NC = X64_CC_AE,
    X64_CC_Z = X64_CC_E,
    X64_CC_NZ = X64_CC_NE
} X64Cond;

/* Operand shapes of x64_forms.def, named as in the SDM's "Op/En" column: R = ModRM.reg,
   M = ModRM.rm (register or memory), I = immediate, O = register in the opcode's low bits. */
typedef enum {
    X64_SH_RM,   /* reg <- r/m */
    X64_SH_MR,   /* r/m <- reg */
    X64_SH_MI,   /* r/m, imm8 (byte form) or imm32 */
    X64_SH_MI8,  /* r/m, imm8 (sign-extended for ALU ops; the count for shifts) */
    X64_SH_M1,   /* r/m, shifted by one */
    X64_SH_MCL,  /* r/m, shifted by cl */
    X64_SH_AI,   /* al/eax/rax, imm8 or imm32 */
    X64_SH_M,    /* r/m alone (/digit) */
    X64_SH_O,    /* opcode + reg */
    X64_SH_OI,   /* opcode + reg, imm8/imm32, or imm64 with REX.W */
    X64_SH_RMI,  /* reg <- r/m, imm32 */
    X64_SH_RMI8, /* reg <- r/m, imm8 */
    X64_SH_REL,  /* rel32 */
    X64_SH_REL8, /* rel8 */
    X64_SH_NONE,
    X64_SH__COUNT
} X64Shape;

/* Flags of a form (x64_forms.def). */
enum { X64_FW = 1, X64_FD64 = 2, X64_FCC = 4, X64_FRMB = 8 };

/* A memory operand: [base + index*scale + disp], [rip + sym + disp] or [rip + label + disp].
   Build them with the helpers below; any base works (rsp/r12 get a SIB, rbp/r13 a zero disp8). */
typedef struct X64Mem {
    int8_t base;     /* X64Reg, X64_RIP, or X64_NOREG for [index*scale + disp32] */
    int8_t index;    /* X64_NOREG when none; never X64_RSP */
    uint8_t scale;   /* 1, 2, 4 or 8 */
    int32_t disp;    /* with sym: the addend */
    const char *sym; /* rip-relative to a symbol: an MC_RELOC_PC32 relocation */
    int label;       /* rip-relative to a label of the same X64Asm (0: none) */
} X64Mem;

static inline X64Mem x64_mem(X64Reg base, int32_t disp)
{
    return (X64Mem){.base = (int8_t)base, .index = X64_NOREG, .scale = 1, .disp = disp};
}

static inline X64Mem x64_mem_idx(X64Reg base, X64Reg index, int scale, int32_t disp)
{
    return (X64Mem){
        .base = (int8_t)base, .index = (int8_t)index, .scale = (uint8_t)scale, .disp = disp};
}

static inline X64Mem x64_mem_rip(const char *sym, int32_t addend)
{
    return (X64Mem){.base = X64_RIP, .index = X64_NOREG, .scale = 1, .disp = addend, .sym = sym};
}

/* A label: a position in the code, used before or after it is bound. 0 is never a label. */
typedef int X64Label;

static inline X64Mem x64_mem_label(X64Label l, int32_t disp)
{
    return (X64Mem){.base = X64_RIP, .index = X64_NOREG, .scale = 1, .disp = disp, .label = l};
}

/* The assembler state: the code buffer and the labels with their pending jumps (malloc'ed). */
typedef struct X64Asm {
    McCode *mc;
    struct X64LabelSlot *labels; /* index = label - 1 */
    int nlabels, labels_cap;
    struct X64Fixup *fixups;
    int nfixups, fixups_cap;
} X64Asm;

void x64_asm_init(X64Asm *a, McCode *mc);
/* Checks that every label used was bound (TR_ASSERT), frees the label storage; mc is kept. */
void x64_asm_done(X64Asm *a);

X64Label x64_label_new(X64Asm *a);
/* Binds l to the current position and patches the jumps already emitted to it. */
void x64_label_bind(X64Asm *a, X64Label l);
bool x64_label_is_bound(const X64Asm *a, X64Label l);
uint32_t x64_label_pos(const X64Asm *a, X64Label l); /* l must be bound */
static inline uint32_t x64_pos(const X64Asm *a)
{
    return (uint32_t)a->mc->size;
}

/* --- General-purpose forms: dst first, as in Intel syntax ---------------------------------- */
/* ALU ops, test, mov, lea (x64_rm), imul, and the extending moves movzx8/16, movsx8/16, movsxd
   (src is the smaller register or memory, sz the destination's size). */
void x64_rr(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, X64Reg src);
void x64_rm(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, X64Mem src); /* also lea */
void x64_mr(X64Asm *a, X64Op op, X64Size sz, X64Mem dst, X64Reg src);
/* ALU ops, test, mov, shifts and rotates. imm must fit in 32 bits sign-extended, except for mov
   (any 64-bit value: mov r32,imm32 when it fits unsigned, movabs only when needed). */
void x64_ri(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, int64_t imm);
void x64_mi(X64Asm *a, X64Op op, X64Size sz, X64Mem dst, int32_t imm);
/* neg not inc dec div idiv push pop, call/jmp through a register or memory (sz ignored for
   push/pop/call/jmp, which are always 64-bit). */
void x64_r(X64Asm *a, X64Op op, X64Size sz, X64Reg r);
void x64_m(X64Asm *a, X64Op op, X64Size sz, X64Mem m);
/* shl shr sar rol ror by cl */
void x64_r_cl(X64Asm *a, X64Op op, X64Size sz, X64Reg r);
void x64_m_cl(X64Asm *a, X64Op op, X64Size sz, X64Mem m);
/* imul dst, src, imm (imm8 form when it fits) */
void x64_rri(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, X64Reg src, int32_t imm);
void x64_rmi(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, X64Mem src, int32_t imm);
/* ret cqo cdq ud2 int3 nop */
void x64_op(X64Asm *a, X64Op op);
/* movabs dst, sym+addend: the 64-bit absolute address (MC_RELOC_ABS64) */
void x64_mov_abs(X64Asm *a, X64Reg dst, const char *sym, int64_t addend);

/* --- Conditions and control flow ------------------------------------------------------------ */
static inline X64Cond x64_cc_not(X64Cond cc)
{
    return (X64Cond)(cc ^ 1);
}
void x64_setcc(X64Asm *a, X64Cond cc, X64Reg dst8);
void x64_setcc_m(X64Asm *a, X64Cond cc, X64Mem dst);
void x64_cmov(X64Asm *a, X64Cond cc, X64Size sz, X64Reg dst, X64Reg src);
void x64_cmov_m(X64Asm *a, X64Cond cc, X64Size sz, X64Reg dst, X64Mem src);
/* Jumps to a label: rel8 when the label is bound and in reach, else rel32 (patched at bind). */
void x64_jmp(X64Asm *a, X64Label l);
void x64_jcc(X64Asm *a, X64Cond cc, X64Label l);
/* call/jmp rel32 to a symbol (MC_RELOC_CALL; the addend -4 is recorded, as in ELF RELA) */
void x64_call(X64Asm *a, const char *sym);
void x64_jmp_sym(X64Asm *a, const char *sym);
void x64_call_label(X64Asm *a, X64Label l);

/* --- SSE2 scalar double --------------------------------------------------------------------- */
/* movsd movapd addsd subsd mulsd divsd sqrtsd minsd maxsd ucomisd comisd xorpd andpd andnpd orpd */
void x64_xx(X64Asm *a, X64Op op, X64Xmm dst, X64Xmm src);
void x64_xm(X64Asm *a, X64Op op, X64Xmm dst, X64Mem src);
void x64_mx(X64Asm *a, X64Op op, X64Mem dst, X64Xmm src); /* movsd store */
/* cvtsi2sd xmm, r32/r64 and movq xmm, r64 */
void x64_xr(X64Asm *a, X64Op op, X64Size sz, X64Xmm dst, X64Reg src);
/* cvttsd2si/cvtsd2si r32/r64, xmm and movq r64, xmm */
void x64_rx(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, X64Xmm src);
/* roundsd dst, src, mode (SSE4.1; mode 0 nearest, 1 floor, 2 ceil, 3 trunc, +8 no inexact) */
void x64_xxi(X64Asm *a, X64Op op, X64Xmm dst, X64Xmm src, int imm);
void x64_xmi(X64Asm *a, X64Op op, X64Xmm dst, X64Mem src, int imm);

/* --- Names, for listings and tests ---------------------------------------------------------- */
const char *x64_op_name(X64Op op);   /* the mnemonic ("j", "set", "cmov" for the cc ops) */
const char *x64_cc_name(X64Cond cc); /* "e", "ne", ... */
const char *x64_reg_name(X64Reg r, X64Size sz); /* sz 2 gives the 16-bit names */
const char *x64_xmm_name(X64Xmm x);

#endif
