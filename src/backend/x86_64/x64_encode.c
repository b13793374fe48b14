/*
 * x64_encode.c -- encodes x86-64 instructions from the forms of x64_forms.def (Intel SDM vol. 2,
 * ch. 2: legacy prefix, REX, opcode map escape, opcode, ModRM, SIB, displacement, immediate).
 * Chooses among an op's forms the way GNU as does, so tests compare our bytes with `as` output.
 * Labels: forward references are rel32 fixups patched at bind; bound ones may use rel8.
 */
#include "backend/x86_64/x64_encode.h"

#include <stdlib.h>
#include <string.h>

/* --- The form table --------------------------------------------------------------------------- */

enum { PFX_NP = 0, PFX_66 = 0x66, PFX_F2 = 0xF2, PFX_F3 = 0xF3 };
enum { MAP_1B, MAP_0F, MAP_0F3A };
enum { EXT_r = 0, EXT_0 = 0, EXT_1, EXT_2, EXT_3, EXT_4, EXT_5, EXT_6, EXT_7 };
enum { WIDTH_V, WIDTH_B };

typedef struct Form {
    uint8_t present, prefix, map, opcode, ext, flags;
} Form;

/* forms[op][shape][byte?]: a designated initializer per row, so a duplicated row is a
   -Woverride-init warning and a missing one reads as present == 0. */
static const Form forms[X64_OP__COUNT][X64_SH__COUNT][2] = {
#define X64_FORM(op, shape, width, pfx, map_, opc, ext_, flags_, operands)                         \
    [X64_##op][X64_SH_##shape][WIDTH_##width] = {.present = 1,                                     \
                                                 .prefix = PFX_##pfx,                              \
                                                 .map = MAP_##map_,                                \
                                                 .opcode = 0x##opc,                                \
                                                 .ext = EXT_##ext_,                                \
                                                 .flags = flags_},
#include "backend/x86_64/x64_forms.def"
};

#ifdef X64_COUNT_FORMS /* the unit test checks that its cases use every row */
static int form_uses[X64_OP__COUNT][X64_SH__COUNT][2];
#endif

static bool has_form(X64Op op, X64Shape sh, X64Size sz)
{
    return forms[op][sh][sz == X64_B].present;
}

static const Form *form(X64Op op, X64Shape sh, X64Size sz)
{
    const Form *f = &forms[op][sh][sz == X64_B];
    TR_ASSERT(f->present); /* the caller asked for a form the op does not have */
#ifdef X64_COUNT_FORMS
    form_uses[op][sh][sz == X64_B]++;
#endif
    return f;
}

static bool fits8(int64_t v)
{
    return v >= -128 && v <= 127;
}
static bool fits32(int64_t v)
{
    return v >= INT32_MIN && v <= INT32_MAX;
}

/* --- Labels and fixups ------------------------------------------------------------------------ */

typedef struct X64LabelSlot {
    int32_t pos;    /* -1 until bound */
    int32_t fixups; /* head of the list of rel32 fields waiting for it, -1 when none */
} X64LabelSlot;

/* A rel32 field at `at`, relative to the end of its instruction, `tail` bytes after the field
   (an immediate may follow a rip-relative displacement). The field holds the addend meanwhile. */
typedef struct X64Fixup {
    uint32_t at;
    int32_t tail, next;
} X64Fixup;

void x64_asm_init(X64Asm *a, McCode *mc)
{
    memset(a, 0, sizeof *a);
    a->mc = mc;
}

void x64_asm_done(X64Asm *a)
{
    for (int i = 0; i < a->nlabels; i++)
        TR_ASSERT(a->labels[i].fixups < 0); /* a jump to a label that was never bound */
    free(a->labels);
    free(a->fixups);
    McCode *mc = a->mc;
    memset(a, 0, sizeof *a);
    a->mc = mc;
}

static void *grow(void *p, int *cap, size_t elem)
{
    *cap = *cap ? *cap * 2 : 16;
    p = realloc(p, elem * (size_t)*cap);
    if (!p)
        abort();
    return p;
}

X64Label x64_label_new(X64Asm *a)
{
    if (a->nlabels == a->labels_cap)
        a->labels = grow(a->labels, &a->labels_cap, sizeof *a->labels);
    a->labels[a->nlabels] = (X64LabelSlot){-1, -1};
    return ++a->nlabels;
}

static X64LabelSlot *slot(const X64Asm *a, X64Label l)
{
    TR_ASSERT(l >= 1 && l <= a->nlabels);
    return &a->labels[l - 1];
}

bool x64_label_is_bound(const X64Asm *a, X64Label l)
{
    return slot(a, l)->pos >= 0;
}

uint32_t x64_label_pos(const X64Asm *a, X64Label l)
{
    TR_ASSERT(x64_label_is_bound(a, l));
    return (uint32_t)slot(a, l)->pos;
}

static int32_t read32(const McCode *c, uint32_t at)
{
    const uint8_t *p = c->bytes + at;
    return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                     (uint32_t)p[3] << 24);
}

void x64_label_bind(X64Asm *a, X64Label l)
{
    X64LabelSlot *s = slot(a, l);
    TR_ASSERT(s->pos < 0); /* bound twice */
    s->pos = (int32_t)a->mc->size;
    for (int i = s->fixups; i >= 0; i = a->fixups[i].next) {
        const X64Fixup *f = &a->fixups[i];
        int64_t rel = (int64_t)read32(a->mc, f->at) + s->pos - ((int64_t)f->at + 4 + f->tail);
        mc_patch_u32(a->mc, f->at, (uint32_t)(int32_t)rel);
    }
    s->fixups = -1;
}

/* Emits a rel32 field reaching label l + disp from the end of the instruction (tail bytes on). */
static void rel32_to(X64Asm *a, X64Label l, int32_t disp, int tail)
{
    X64LabelSlot *s = slot(a, l);
    uint32_t at = x64_pos(a);
    if (s->pos >= 0) {
        mc_u32(a->mc, (uint32_t)(int32_t)((int64_t)s->pos + disp - ((int64_t)at + 4 + tail)));
        return;
    }
    if (a->nfixups == a->fixups_cap)
        a->fixups = grow(a->fixups, &a->fixups_cap, sizeof *a->fixups);
    a->fixups[a->nfixups] = (X64Fixup){at, tail, s->fixups};
    s->fixups = a->nfixups++;
    mc_u32(a->mc, (uint32_t)disp);
}

/* --- The encoder ------------------------------------------------------------------------------ */

/* The ModRM.rm operand: a register (mod = 11) or memory. */
typedef struct Rm {
    bool mem;
    int reg;
    X64Mem m;
} Rm;

static Rm rm_reg(int r)
{
    return (Rm){.mem = false, .reg = r};
}
static Rm rm_mem(X64Mem m)
{
    return (Rm){.mem = true, .m = m};
}
static const Rm no_rm = {0};

static bool is_byte_reg_needing_rex(int r)
{
    return r >= 4 && r <= 7;
}

/* ModRM (+ SIB + displacement) for a memory operand. Quirks: rm = 100 means "SIB follows", so
   rsp/r12 as base need a SIB; mod = 00 with rm/base = 101 means rip+disp32 (no SIB) or disp32
   without base (SIB), so rbp/r13 as base take mod = 01 with a zero disp8. */
static void modrm_mem(X64Asm *a, int regf, const X64Mem *m, int immlen)
{
    McCode *c = a->mc;
    int r = (regf & 7) << 3;
    if (m->base == X64_RIP) {
        mc_byte(c, (uint8_t)(0x05 | r));
        if (m->label) {
            rel32_to(a, m->label, m->disp, immlen);
        } else if (m->sym) {
            /* ELF RELA: S + A - P with P the field; the cpu adds rip = end of instruction */
            mc_reloc(c, MC_RELOC_PC32, m->sym, (int64_t)m->disp - 4 - immlen);
            mc_u32(c, 0);
        } else {
            mc_u32(c, (uint32_t)m->disp);
        }
        return;
    }
    bool nobase = m->base == X64_NOREG, idx = m->index != X64_NOREG;
    int mod = nobase ? 0 : m->disp == 0 && (m->base & 7) != 5 ? 0 : fits8(m->disp) ? 1 : 2;
    if (!idx && !nobase && (m->base & 7) != 4) {
        mc_byte(c, (uint8_t)(mod << 6 | r | (m->base & 7)));
    } else {
        TR_ASSERT(m->index != X64_RSP); /* index 100 without REX.X means "no index" */
        int ss = m->scale == 8 ? 3 : m->scale == 4 ? 2 : m->scale == 2 ? 1 : 0;
        TR_ASSERT(!idx || m->scale == 1 << ss);
        mc_byte(c, (uint8_t)(mod << 6 | r | 4));
        mc_byte(c,
                (uint8_t)(ss << 6 | ((idx ? m->index : 4) & 7) << 3 | (nobase ? 5 : m->base & 7)));
    }
    if (mod == 1)
        mc_byte(c, (uint8_t)m->disp);
    else if (mod == 2 || nobase)
        mc_u32(c, (uint32_t)m->disp);
}

static bool uses_modrm_reg(X64Shape sh)
{
    return sh == X64_SH_RM || sh == X64_SH_MR || sh == X64_SH_RMI || sh == X64_SH_RMI8;
}

static bool uses_modrm(X64Shape sh)
{
    return uses_modrm_reg(sh) || sh == X64_SH_MI || sh == X64_SH_MI8 || sh == X64_SH_M1 ||
           sh == X64_SH_MCL || sh == X64_SH_M;
}

static bool rex_w(const Form *f, X64Size sz)
{
    return (f->flags & X64_FW) || (sz == X64_Q && !(f->flags & X64_FD64));
}

static int imm_len(const Form *f, X64Shape sh, X64Size sz)
{
    switch (sh) {
    case X64_SH_MI:
    case X64_SH_AI: return sz == X64_B ? 1 : 4;
    case X64_SH_MI8:
    case X64_SH_RMI8: return 1;
    case X64_SH_RMI: return 4;
    case X64_SH_OI: return sz == X64_B ? 1 : rex_w(f, sz) ? 8 : 4;
    default: return 0;
    }
}

/* Everything up to the immediate: prefix, REX, map escape, opcode, ModRM, SIB, displacement.
   reg is the ModRM.reg register (RM/MR/RMI shapes) or the opcode's register (O/OI shapes). */
static void head(X64Asm *a, const Form *f, X64Shape sh, X64Size sz, int reg, const Rm *rm, int cc,
                 int immlen)
{
    McCode *c = a->mc;
    bool modrm = uses_modrm(sh), in_reg = uses_modrm_reg(sh),
         in_op = sh == X64_SH_O || sh == X64_SH_OI;
    int rex = rex_w(f, sz) << 3;
    bool need_rex = false; /* spl bpl sil dil exist only with a REX prefix (else ah ch dh bh) */
    if (in_reg)
        rex |= (reg >> 3 & 1) << 2;
    if (in_op)
        rex |= reg >> 3 & 1;
    if (modrm && !rm->mem)
        rex |= rm->reg >> 3 & 1;
    if (modrm && rm->mem) {
        if (rm->m.index != X64_NOREG)
            rex |= (rm->m.index >> 3 & 1) << 1;
        if (rm->m.base != X64_NOREG && rm->m.base != X64_RIP)
            rex |= rm->m.base >> 3 & 1;
    }
    bool rm_byte = modrm && !rm->mem && (sz == X64_B || (f->flags & X64_FRMB));
    if (rm_byte && is_byte_reg_needing_rex(rm->reg))
        need_rex = true;
    if (sz == X64_B && (in_reg || in_op) && is_byte_reg_needing_rex(reg))
        need_rex = true;

    if (f->prefix)
        mc_byte(c, f->prefix);
    if (rex || need_rex)
        mc_byte(c, (uint8_t)(0x40 | rex));
    if (f->map != MAP_1B)
        mc_byte(c, 0x0F);
    if (f->map == MAP_0F3A)
        mc_byte(c, 0x3A);
    int opc = f->opcode + ((f->flags & X64_FCC) ? cc : 0) + (in_op ? (reg & 7) : 0);
    mc_byte(c, (uint8_t)opc);
    if (!modrm)
        return;
    int regf = in_reg ? reg : f->ext;
    if (rm->mem)
        modrm_mem(a, regf, &rm->m, immlen);
    else
        mc_byte(c, (uint8_t)(0xC0 | (regf & 7) << 3 | (rm->reg & 7)));
}

static void put_imm(McCode *c, int len, int64_t v)
{
    if (len == 1)
        mc_byte(c, (uint8_t)v);
    else if (len == 4)
        mc_u32(c, (uint32_t)v);
    else if (len == 8)
        mc_u64(c, (uint64_t)v);
}

static void encode(X64Asm *a, X64Op op, X64Shape sh, X64Size sz, int reg, Rm rm, int cc,
                   int64_t imm)
{
    const Form *f = form(op, sh, sz);
    int len = imm_len(f, sh, sz);
    head(a, f, sh, sz, reg, &rm, cc, len);
    put_imm(a->mc, len, imm);
}

/* --- General-purpose forms -------------------------------------------------------------------- */

void x64_rr(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, X64Reg src)
{
    /* as prefers "op r/m, reg" (01, 89, 85...) when both exist */
    if (has_form(op, X64_SH_MR, sz))
        encode(a, op, X64_SH_MR, sz, src, rm_reg(dst), 0, 0);
    else
        encode(a, op, X64_SH_RM, sz, dst, rm_reg(src), 0, 0);
}

void x64_rm(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, X64Mem src)
{
    encode(a, op, X64_SH_RM, sz, dst, rm_mem(src), 0, 0);
}

void x64_mr(X64Asm *a, X64Op op, X64Size sz, X64Mem dst, X64Reg src)
{
    encode(a, op, X64_SH_MR, sz, src, rm_mem(dst), 0, 0);
}

/* The immediate as the cpu sees it at this operand size (so add eax, 0xffffffff is imm8 -1). */
static int64_t sized_imm(X64Size sz, int64_t imm)
{
    return sz == X64_B ? (int8_t)imm : sz == X64_D ? (int32_t)imm : imm;
}

/* Shared by x64_ri and x64_mi: shifts (D1 by one, C1 imm8), ALU ops (83 imm8, accumulator
   short form, 81 imm32); mov r/m has only C7 here (x64_ri handles the B8+r forms). */
static void op_imm(X64Asm *a, X64Op op, X64Size sz, Rm rm, int64_t imm)
{
    if (has_form(op, X64_SH_MI8, sz) && !has_form(op, X64_SH_MI, sz)) { /* shifts, rotates */
        if (imm == 1 && has_form(op, X64_SH_M1, sz))
            encode(a, op, X64_SH_M1, sz, 0, rm, 0, 0);
        else
            encode(a, op, X64_SH_MI8, sz, 0, rm, 0, imm & 0xff);
        return;
    }
    imm = sized_imm(sz, imm);
    TR_ASSERT(fits32(imm)); /* no form takes more than a sign-extended imm32 */
    if (sz != X64_B && fits8(imm) && has_form(op, X64_SH_MI8, sz))
        encode(a, op, X64_SH_MI8, sz, 0, rm, 0, imm);
    else if (!rm.mem && rm.reg == X64_RAX && has_form(op, X64_SH_AI, sz))
        encode(a, op, X64_SH_AI, sz, 0, no_rm, 0, imm);
    else
        encode(a, op, X64_SH_MI, sz, 0, rm, 0, imm);
}

void x64_ri(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, int64_t imm)
{
    if (op != X64_MOV) {
        op_imm(a, op, sz, rm_reg(dst), imm);
    } else if (sz != X64_Q || (uint64_t)imm <= UINT32_MAX) {
        /* B0+r / B8+r; a 32-bit mov clears the upper half, so it serves 64-bit values too */
        encode(a, op, X64_SH_OI, sz == X64_Q ? X64_D : sz, dst, no_rm, 0, imm);
    } else if (fits32(imm)) {
        encode(a, op, X64_SH_MI, sz, 0, rm_reg(dst), 0, imm); /* C7 /0, sign-extended */
    } else {
        encode(a, op, X64_SH_OI, sz, dst, no_rm, 0, imm); /* REX.W B8+r imm64 (movabs) */
    }
}

void x64_mi(X64Asm *a, X64Op op, X64Size sz, X64Mem dst, int32_t imm)
{
    op_imm(a, op, sz, rm_mem(dst), imm);
}

void x64_r(X64Asm *a, X64Op op, X64Size sz, X64Reg r)
{
    if (has_form(op, X64_SH_O, sz))
        encode(a, op, X64_SH_O, sz, r, no_rm, 0, 0); /* push/pop: 50+r, 58+r */
    else
        encode(a, op, X64_SH_M, sz, 0, rm_reg(r), 0, 0);
}

void x64_m(X64Asm *a, X64Op op, X64Size sz, X64Mem m)
{
    encode(a, op, X64_SH_M, sz, 0, rm_mem(m), 0, 0);
}

void x64_r_cl(X64Asm *a, X64Op op, X64Size sz, X64Reg r)
{
    encode(a, op, X64_SH_MCL, sz, 0, rm_reg(r), 0, 0);
}

void x64_m_cl(X64Asm *a, X64Op op, X64Size sz, X64Mem m)
{
    encode(a, op, X64_SH_MCL, sz, 0, rm_mem(m), 0, 0);
}

static void op_rmi(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, Rm src, int32_t imm)
{
    int64_t v = sized_imm(sz, imm);
    encode(a, op, fits8(v) ? X64_SH_RMI8 : X64_SH_RMI, sz, dst, src, 0, v);
}

void x64_rri(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, X64Reg src, int32_t imm)
{
    op_rmi(a, op, sz, dst, rm_reg(src), imm);
}

void x64_rmi(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, X64Mem src, int32_t imm)
{
    op_rmi(a, op, sz, dst, rm_mem(src), imm);
}

void x64_op(X64Asm *a, X64Op op)
{
    encode(a, op, X64_SH_NONE, X64_D, 0, no_rm, 0, 0);
}

void x64_mov_abs(X64Asm *a, X64Reg dst, const char *sym, int64_t addend)
{
    const Form *f = form(X64_MOV, X64_SH_OI, X64_Q);
    head(a, f, X64_SH_OI, X64_Q, dst, &no_rm, 0, 8);
    mc_reloc(a->mc, MC_RELOC_ABS64, sym, addend);
    mc_u64(a->mc, 0);
}

/* --- Conditions and control flow -------------------------------------------------------------- */

void x64_setcc(X64Asm *a, X64Cond cc, X64Reg dst8)
{
    encode(a, X64_SETCC, X64_SH_M, X64_B, 0, rm_reg(dst8), cc, 0);
}

void x64_setcc_m(X64Asm *a, X64Cond cc, X64Mem dst)
{
    encode(a, X64_SETCC, X64_SH_M, X64_B, 0, rm_mem(dst), cc, 0);
}

void x64_cmov(X64Asm *a, X64Cond cc, X64Size sz, X64Reg dst, X64Reg src)
{
    encode(a, X64_CMOVCC, X64_SH_RM, sz, dst, rm_reg(src), cc, 0);
}

void x64_cmov_m(X64Asm *a, X64Cond cc, X64Size sz, X64Reg dst, X64Mem src)
{
    encode(a, X64_CMOVCC, X64_SH_RM, sz, dst, rm_mem(src), cc, 0);
}

/* jmp/jcc: EB/70+cc rel8 (2 bytes) backward when in reach, else E9/0F 80+cc rel32. */
static void jump(X64Asm *a, X64Op op, int cc, X64Label l)
{
    X64LabelSlot *s = slot(a, l);
    if (s->pos >= 0) {
        int64_t rel = (int64_t)s->pos - ((int64_t)x64_pos(a) + 2);
        if (fits8(rel)) {
            encode(a, op, X64_SH_REL8, X64_Q, 0, no_rm, cc, 0);
            mc_byte(a->mc, (uint8_t)rel);
            return;
        }
    }
    head(a, form(op, X64_SH_REL, X64_Q), X64_SH_REL, X64_Q, 0, &no_rm, cc, 0);
    rel32_to(a, l, 0, 0);
}

void x64_jmp(X64Asm *a, X64Label l)
{
    jump(a, X64_JMP, 0, l);
}
void x64_jcc(X64Asm *a, X64Cond cc, X64Label l)
{
    jump(a, X64_JCC, cc, l);
}

static void rel_sym(X64Asm *a, X64Op op, const char *sym)
{
    head(a, form(op, X64_SH_REL, X64_Q), X64_SH_REL, X64_Q, 0, &no_rm, 0, 0);
    mc_reloc(a->mc, MC_RELOC_CALL, sym, -4); /* S + A - P, P = the field, rip = its end */
    mc_u32(a->mc, 0);
}

void x64_call(X64Asm *a, const char *sym)
{
    rel_sym(a, X64_CALL, sym);
}
void x64_jmp_sym(X64Asm *a, const char *sym)
{
    rel_sym(a, X64_JMP, sym);
}

void x64_call_label(X64Asm *a, X64Label l)
{
    head(a, form(X64_CALL, X64_SH_REL, X64_Q), X64_SH_REL, X64_Q, 0, &no_rm, 0, 0);
    rel32_to(a, l, 0, 0);
}

/* --- SSE2 ------------------------------------------------------------------------------------- */

void x64_xx(X64Asm *a, X64Op op, X64Xmm dst, X64Xmm src)
{
    encode(a, op, X64_SH_RM, X64_D, dst, rm_reg(src), 0, 0);
}

void x64_xm(X64Asm *a, X64Op op, X64Xmm dst, X64Mem src)
{
    encode(a, op, X64_SH_RM, X64_D, dst, rm_mem(src), 0, 0);
}

void x64_mx(X64Asm *a, X64Op op, X64Mem dst, X64Xmm src)
{
    encode(a, op, X64_SH_MR, X64_D, src, rm_mem(dst), 0, 0);
}

void x64_xr(X64Asm *a, X64Op op, X64Size sz, X64Xmm dst, X64Reg src)
{
    encode(a, op, X64_SH_RM, sz, dst, rm_reg(src), 0, 0);
}

void x64_rx(X64Asm *a, X64Op op, X64Size sz, X64Reg dst, X64Xmm src)
{
    /* movq r64, xmm is 66 0F 7E with the xmm in ModRM.reg; the conversions put the GPR there */
    if (has_form(op, X64_SH_MR, sz))
        encode(a, op, X64_SH_MR, sz, src, rm_reg(dst), 0, 0);
    else
        encode(a, op, X64_SH_RM, sz, dst, rm_reg(src), 0, 0);
}

void x64_xxi(X64Asm *a, X64Op op, X64Xmm dst, X64Xmm src, int imm)
{
    encode(a, op, X64_SH_RMI8, X64_D, dst, rm_reg(src), 0, imm & 0xff);
}

void x64_xmi(X64Asm *a, X64Op op, X64Xmm dst, X64Mem src, int imm)
{
    encode(a, op, X64_SH_RMI8, X64_D, dst, rm_mem(src), 0, imm & 0xff);
}

/* --- Names ------------------------------------------------------------------------------------ */

static const char *const op_names[X64_OP__COUNT] = {
#define X64_OP(name, mnemonic) [X64_##name] = mnemonic,
#include "backend/x86_64/x64_forms.def"
};

static const char *const cc_names[X64_CC__COUNT] = {
#define X64_COND(name, code) [X64_CC_##name] = code,
#include "backend/x86_64/x64_forms.def"
};

const char *x64_op_name(X64Op op)
{
    return op_names[op];
}
const char *x64_cc_name(X64Cond cc)
{
    return cc_names[cc & 15];
}

const char *x64_reg_name(X64Reg r, X64Size sz)
{
    static const char *const q[] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                    "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};
    static const char *const d[] = {"eax", "ecx", "edx",  "ebx",  "esp",  "ebp",  "esi",  "edi",
                                    "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
    static const char *const b[] = {"al",  "cl",  "dl",   "bl",   "spl",  "bpl",  "sil",  "dil",
                                    "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};
    static const char *const w[] = {"ax",  "cx",  "dx",   "bx",   "sp",   "bp",   "si",   "di",
                                    "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
    if (r == X64_RIP)
        return "rip";
    TR_ASSERT(r >= 0 && r < 16);
    return sz == X64_Q ? q[r] : sz == X64_D ? d[r] : sz == X64_B ? b[r] : w[r];
}

const char *x64_xmm_name(X64Xmm x)
{
    static const char *const n[] = {"xmm0",  "xmm1",  "xmm2",  "xmm3", "xmm4",  "xmm5",
                                    "xmm6",  "xmm7",  "xmm8",  "xmm9", "xmm10", "xmm11",
                                    "xmm12", "xmm13", "xmm14", "xmm15"};
    return n[x & 15];
}
