/*
 * cases.c -- the encoder's test cases, each an Intel-syntax text for GNU as plus the x64_* calls
 * that must give the same bytes and relocations: hand-written ones (immediate choices, labels,
 * relocations, addressing quirks) and sweeps over every row of x64_forms.def with corner
 * registers (r8-r15, spl-dil, rsp/rbp/r12/r13 bases) and addressing modes. #included, after
 * backend/x86_64/x64_encode.c, by tests/unit/test_x64_encode.c and tests/unit/x64_dump_main.c.
 */
#include <stdarg.h>
#include <stdio.h>

/* Called once per case with its text and the code the encoder produced for it. */
typedef void X64CaseFn(void *ctx, const char *text, const McCode *mc);

static X64CaseFn *case_fn;
static void *case_ctx;
static McCode case_mc;
static X64Asm case_asm;

static X64Asm *case_begin(void)
{
    mc_init(&case_mc);
    x64_asm_init(&case_asm, &case_mc);
    return &case_asm;
}

static void case_end(const char *text)
{
    x64_asm_done(&case_asm);
    case_fn(case_ctx, text, &case_mc);
    mc_free(&case_mc);
}

/* CASE(text, statements using `a`) */
#define CASE(text, ...)                                                                            \
    do {                                                                                           \
        X64Asm *a = case_begin();                                                                  \
        __VA_ARGS__;                                                                               \
        case_end(text);                                                                            \
    } while (0)

/* printf into one of a few rotating buffers, so results can be arguments of the next call */
static const char *fmt(const char *f, ...)
{
    static char bufs[8][256];
    static int next;
    char *b = bufs[next++ & 7];
    va_list ap;
    va_start(ap, f);
    vsnprintf(b, sizeof bufs[0], f, ap);
    va_end(ap);
    return b;
}

static const char *gpr(X64Reg r, X64Size sz)
{
    return x64_reg_name(r, sz);
}
static const char *xmm(int x)
{
    return x64_xmm_name((X64Xmm)x);
}

/* Intel syntax for m; kw is "qword ptr " etc. or "" */
static const char *mem_text(X64Mem m, const char *kw)
{
    char in[128];
    int n = 0;
    if (m.base == X64_RIP)
        n += snprintf(in + n, sizeof in - (size_t)n, m.sym ? "rip+%s" : "rip", m.sym);
    else if (m.base != X64_NOREG)
        n += snprintf(in + n, sizeof in - (size_t)n, "%s", gpr((X64Reg)m.base, X64_Q));
    if (m.index != X64_NOREG)
        n += snprintf(in + n, sizeof in - (size_t)n, "%s%s*%d", n ? "+" : "",
                      gpr((X64Reg)m.index, X64_Q), m.scale);
    if (m.disp || !n)
        snprintf(in + n, sizeof in - (size_t)n, n ? "%+d" : "%d", m.disp);
    return fmt("%s[%s]", kw, in);
}

static const char *size_kw(X64Size sz)
{
    return sz == X64_B   ? "byte ptr "
           : sz == 2     ? "word ptr "
           : sz == X64_D ? "dword ptr "
                         : "qword ptr ";
}

/* --- Operands of the sweeps ------------------------------------------------------------------- */

static const X64Reg pairs[][2] = {
    {X64_RAX, X64_RCX}, {X64_RCX, X64_R8},  {X64_R9, X64_RDX},  {X64_RSP, X64_RBP},
    {X64_RBP, X64_RSP}, {X64_R12, X64_R13}, {X64_R13, X64_R12}, {X64_RSI, X64_RDI},
    {X64_R15, X64_RBX}, {X64_RDI, X64_R14},
};

#define NO X64_NOREG
static const X64Mem mems_all[] = {
    {X64_RAX, NO, 1, 0, 0, 0},        {X64_RSP, NO, 1, 0, 0, 0},
    {X64_RBP, NO, 1, 0, 0, 0},        {X64_R12, NO, 1, 0, 0, 0},
    {X64_R13, NO, 1, 0, 0, 0},        {X64_R15, NO, 1, 8, 0, 0},
    {X64_RBX, NO, 1, -8, 0, 0},       {X64_RCX, NO, 1, 127, 0, 0},
    {X64_RDX, NO, 1, -128, 0, 0},     {X64_RSI, NO, 1, 128, 0, 0},
    {X64_RDI, NO, 1, -129, 0, 0},     {X64_RBP, NO, 1, 0x12345, 0, 0},
    {X64_RSP, NO, 1, -0x12345, 0, 0}, {X64_RAX, X64_RCX, 8, 0, 0, 0},
    {X64_R8, X64_R9, 2, 4, 0, 0},     {X64_RSP, X64_R12, 4, -100, 0, 0},
    {X64_R13, X64_RAX, 1, 0, 0, 0},   {X64_RBX, X64_R15, 8, 0x1000, 0, 0},
    {X64_RBP, X64_R13, 4, 0, 0, 0},   {NO, X64_RCX, 4, 16, 0, 0},
    {NO, X64_R10, 8, -8, 0, 0},       {NO, NO, 1, 0x1000, 0, 0},
    {X64_RIP, NO, 1, 16, 0, 0},       {X64_RIP, NO, 1, 0, "sym", 0},
    {X64_RIP, NO, 1, 12, "sym", 0},   {X64_RIP, NO, 1, -4, "sym", 0},
};
static const X64Mem mems_few[] = {
    {X64_RSP, NO, 1, 8, 0, 0},
    {X64_R13, NO, 1, 0, 0, 0},
    {X64_R12, X64_RAX, 8, -200, 0, 0},
    {X64_RIP, NO, 1, 4, "sym", 0},
};
#undef NO

static const int64_t imms_v[] = {1, -1, 127, -128, 128, -129, 0x12345678, -0x12345678};
static const int64_t imms_b[] = {1, -1, 127, -128};
static const X64Reg imm_regs[] = {X64_RAX, X64_RCX, X64_RSP, X64_RSI, X64_R12, X64_R15};

/* The operand classes column of x64_forms.def ("GG", "XX", "GB", ...) */
static const char *const opnds[X64_OP__COUNT][X64_SH__COUNT][2] = {
#define X64_FORM(op, shape, width, prefix, map, opcode, ext, flags, operands)                      \
    [X64_##op][X64_SH_##shape][WIDTH_##width] = operands,
#include "backend/x86_64/x64_forms.def"
};

/* Ops swept with every addressing mode; the rest get a few. */
static bool wide_mems(X64Op op)
{
    return op == X64_MOV || op == X64_LEA || op == X64_MOVSD;
}

#define FOR_MEMS(op, i, m)                                                                         \
    for (size_t i = 0, n_ = wide_mems(op) ? TR_ARRAY_LEN(mems_all) : TR_ARRAY_LEN(mems_few);       \
         i < n_; i++)                                                                              \
        for (const X64Mem *m = wide_mems(op) ? &mems_all[i] : &mems_few[i]; m; m = NULL)

static X64Size small_size(char c)
{
    return c == 'B' ? X64_B : c == 'W' ? (X64Size)2 : X64_D;
}

/* --- Sweeps, one per shape -------------------------------------------------------------------- */

static void sweep_rm(X64Op op, X64Shape sh, X64Size sz, const char *cls)
{
    const char *mn = x64_op_name(op);
    for (size_t i = 0; i < TR_ARRAY_LEN(pairs); i++) {
        X64Reg d = pairs[i][0], s = pairs[i][1];
        if (!strcmp(cls, "GG") && (sh == X64_SH_MR || !has_form(op, X64_SH_MR, sz)) &&
            op != X64_LEA)
            CASE(fmt("%s %s, %s", mn, gpr(d, sz), gpr(s, sz)), x64_rr(a, op, sz, d, s));
        else if (cls[0] == 'G' && cls[1] != 'G' && cls[1] != 'X')
            CASE(fmt("%s %s, %s", mn, gpr(d, sz), gpr(s, small_size(cls[1]))),
                 x64_rr(a, op, sz, d, s));
        else if (!strcmp(cls, "XX") && sh == X64_SH_RM)
            CASE(fmt("%s %s, %s", mn, xmm(d), xmm(s)), x64_xx(a, op, (X64Xmm)d, (X64Xmm)s));
        else if (!strcmp(cls, "XG") && sh == X64_SH_RM)
            CASE(fmt("%s %s, %s", mn, xmm(d), gpr(s, sz)), x64_xr(a, op, sz, (X64Xmm)d, s));
        else if (!strcmp(cls, "GX") || (!strcmp(cls, "XG") && sh == X64_SH_MR))
            CASE(fmt("%s %s, %s", mn, gpr(d, sz), xmm(s)), x64_rx(a, op, sz, d, (X64Xmm)s));
    }
    if (cls[0] == 'X' && cls[1] == 'G')
        return; /* from memory, as picks other encodings (movq xmm, m64 is F3 0F 7E) */
    if (cls[0] == 'G' && cls[1] == 'X')
        return;
    FOR_MEMS(op, i, m)
    {
        X64Reg r = pairs[i % TR_ARRAY_LEN(pairs)][i & 1];
        const char *kw = cls[1] == 'G' || cls[1] == 'X' ? "" : size_kw(small_size(cls[1]));
        if (cls[0] == 'X' && sh == X64_SH_RM)
            CASE(fmt("%s %s, %s", mn, xmm(r), mem_text(*m, kw)), x64_xm(a, op, (X64Xmm)r, *m));
        else if (cls[0] == 'X')
            CASE(fmt("%s %s, %s", mn, mem_text(*m, kw), xmm(r)), x64_mx(a, op, *m, (X64Xmm)r));
        else if (sh == X64_SH_RM)
            CASE(fmt("%s %s, %s", mn, gpr(r, sz), mem_text(*m, kw)), x64_rm(a, op, sz, r, *m));
        else
            CASE(fmt("%s %s, %s", mn, mem_text(*m, kw), gpr(r, sz)), x64_mr(a, op, sz, *m, r));
    }
}

static void sweep_imm(X64Op op, X64Size sz)
{
    const char *mn = x64_op_name(op);
    bool shift = !has_form(op, X64_SH_MI, sz);
    static const int64_t counts[] = {1, 5, 31, 63};
    const int64_t *imms = shift ? counts : sz == X64_B ? imms_b : imms_v;
    size_t n = shift         ? TR_ARRAY_LEN(counts)
               : sz == X64_B ? TR_ARRAY_LEN(imms_b)
                             : TR_ARRAY_LEN(imms_v);
    for (size_t i = 0; i < n; i++) {
        if (shift && sz == X64_D && imms[i] > 31)
            continue;
        for (size_t j = 0; j < TR_ARRAY_LEN(imm_regs); j++) {
            X64Reg r = imm_regs[j];
            if (op != X64_MOV && (j == 0 || j == (i % 5) + 1))
                CASE(fmt("%s %s, %lld", mn, gpr(r, sz), (long long)imms[i]),
                     x64_ri(a, op, sz, r, imms[i]));
        }
        const X64Mem *m = &mems_few[i % TR_ARRAY_LEN(mems_few)];
        CASE(fmt("%s %s, %lld", mn, mem_text(*m, size_kw(sz)), (long long)imms[i]),
             x64_mi(a, op, sz, *m, (int32_t)imms[i]));
    }
}

static void sweep_m(X64Op op, X64Shape sh, X64Size sz)
{
    const char *mn = x64_op_name(op), *cl = sh == X64_SH_MCL ? ", cl" : "";
    for (size_t i = 0; i < TR_ARRAY_LEN(pairs); i++) {
        X64Reg r = pairs[i][0];
        if (sh == X64_SH_MCL)
            CASE(fmt("%s %s%s", mn, gpr(r, sz), cl), x64_r_cl(a, op, sz, r));
        else
            CASE(fmt("%s %s%s", mn, gpr(r, sz), cl), x64_r(a, op, sz, r));
    }
    FOR_MEMS(op, i, m)
    {
        if (sh == X64_SH_MCL)
            CASE(fmt("%s %s%s", mn, mem_text(*m, size_kw(sz)), cl), x64_m_cl(a, op, sz, *m));
        else
            CASE(fmt("%s %s", mn, mem_text(*m, size_kw(sz))), x64_m(a, op, sz, *m));
    }
}

static void sweep_rmi(X64Op op, X64Size sz, const char *cls)
{
    static const int32_t imms[] = {5, -3, 127, 128, 1000, -100000};
    const char *mn = x64_op_name(op);
    for (size_t i = 0; i < TR_ARRAY_LEN(imms); i++) {
        X64Reg d = pairs[i][0], s = pairs[i][1];
        const X64Mem *m = &mems_few[i % TR_ARRAY_LEN(mems_few)];
        if (cls[0] == 'X') {
            int mode = (int)(i & 3) + (i & 4 ? 8 : 0);
            CASE(fmt("%s %s, %s, %d", mn, xmm(d), xmm(s), mode),
                 x64_xxi(a, op, (X64Xmm)d, (X64Xmm)s, mode));
            CASE(fmt("%s %s, %s, %d", mn, xmm(d), mem_text(*m, ""), mode),
                 x64_xmi(a, op, (X64Xmm)d, *m, mode));
        } else {
            CASE(fmt("%s %s, %s, %d", mn, gpr(d, sz), gpr(s, sz), imms[i]),
                 x64_rri(a, op, sz, d, s, imms[i]));
            CASE(fmt("%s %s, %s, %d", mn, gpr(d, sz), mem_text(*m, ""), imms[i]),
                 x64_rmi(a, op, sz, d, *m, imms[i]));
        }
    }
}

/* The sizes a form is tried with: its byte row, or 32 and 64 bits unless it has only one. */
static int form_sizes(X64Op op, X64Shape sh, int w, X64Size out[2])
{
    const Form *f = &forms[op][sh][w];
    const char *cls = opnds[op][sh][w];
    if (w == WIDTH_B)
        return out[0] = X64_B, 1;
    if ((f->flags & (X64_FW | X64_FD64)))
        return out[0] = X64_Q, 1;
    if (!strcmp(cls, "XX") || sh == X64_SH_NONE)
        return out[0] = X64_D, 1;
    out[0] = X64_D, out[1] = X64_Q;
    return 2;
}

static void sweep_forms(void)
{
    for (int op = 0; op < X64_OP__COUNT; op++) {
        if (op == X64_JCC || op == X64_SETCC || op == X64_CMOVCC)
            continue; /* with the condition codes below */
        for (int sh = 0; sh < X64_SH__COUNT; sh++)
            for (int w = 0; w < 2; w++) {
                if (!forms[op][sh][w].present)
                    continue;
                X64Size szs[2];
                int nsz = form_sizes(op, sh, w, szs);
                for (int k = 0; k < nsz; k++) {
                    X64Size sz = szs[k];
                    const char *cls = opnds[op][sh][w];
                    switch (sh) {
                    case X64_SH_RM:
                    case X64_SH_MR: sweep_rm(op, sh, sz, cls); break;
                    case X64_SH_MI: sweep_imm(op, sz); break;
                    case X64_SH_MI8:
                        if (!has_form(op, X64_SH_MI, sz))
                            sweep_imm(op, sz);
                        break;
                    case X64_SH_M:
                    case X64_SH_MCL: sweep_m(op, sh, sz); break;
                    case X64_SH_RMI: sweep_rmi(op, sz, cls); break;
                    case X64_SH_RMI8:
                        if (!has_form(op, X64_SH_RMI, sz))
                            sweep_rmi(op, sz, cls);
                        break;
                    case X64_SH_NONE: CASE(x64_op_name(op), x64_op(a, op)); break;
                    default: break; /* AI M1 O OI REL REL8: reached through the calls above */
                    }
                }
            }
    }
}

static void sweep_conditions(void)
{
    for (int cc = 0; cc < X64_CC__COUNT; cc++) {
        const char *n = x64_cc_name(cc);
        X64Reg d = pairs[cc % 10][0], s = pairs[cc % 10][1];
        CASE(fmt("set%s %s", n, gpr(d, X64_B)), x64_setcc(a, cc, d));
        CASE(fmt("set%s %s", n, mem_text(mems_few[cc & 3], "byte ptr ")),
             x64_setcc_m(a, cc, mems_few[cc & 3]));
        CASE(fmt("cmov%s %s, %s", n, gpr(d, X64_Q), gpr(s, X64_Q)), x64_cmov(a, cc, X64_Q, d, s));
        CASE(fmt("cmov%s %s, %s", n, gpr(s, X64_D), mem_text(mems_few[cc & 3], "")),
             x64_cmov_m(a, cc, X64_D, s, mems_few[cc & 3]));
        CASE(fmt("{disp32} j%s 1f; 1:", n), {
            X64Label l = x64_label_new(a);
            x64_jcc(a, cc, l);
            x64_label_bind(a, l);
        });
        CASE(fmt("1: nop; j%s 1b", n), {
            X64Label l = x64_label_new(a);
            x64_label_bind(a, l);
            x64_op(a, X64_NOP);
            x64_jcc(a, cc, l);
        });
        CASE(fmt("1: .fill 126, 1, 0x90; j%s 1b; j%s 1b", n, n), {
            X64Label l = x64_label_new(a);
            x64_label_bind(a, l);
            for (int i = 0; i < 126; i++)
                x64_op(a, X64_NOP);
            x64_jcc(a, cc, l); /* -128: the last rel8 */
            x64_jcc(a, cc, l); /* -130 > rel8: rel32 */
        });
    }
}

/* --- Hand-written cases: choices among forms, labels, relocations ------------------------------
 */

static void mov_imm_cases(void)
{
    CASE("mov eax, 0", x64_ri(a, X64_MOV, X64_Q, X64_RAX, 0));
    CASE("mov r9d, 0x80000000", x64_ri(a, X64_MOV, X64_Q, X64_R9, 0x80000000));
    CASE("mov ecx, 0xffffffff", x64_ri(a, X64_MOV, X64_Q, X64_RCX, 0xffffffff));
    CASE("mov rax, -1", x64_ri(a, X64_MOV, X64_Q, X64_RAX, -1));
    CASE("mov r12, -0x80000000", x64_ri(a, X64_MOV, X64_Q, X64_R12, INT32_MIN));
    CASE("movabs rax, 0x123456789", x64_ri(a, X64_MOV, X64_Q, X64_RAX, 0x123456789));
    CASE("movabs r15, 0x8000000000000000", x64_ri(a, X64_MOV, X64_Q, X64_R15, INT64_MIN));
    CASE("movabs rsp, -0x80000001", x64_ri(a, X64_MOV, X64_Q, X64_RSP, -0x80000001LL));
    CASE("mov edx, 5", x64_ri(a, X64_MOV, X64_D, X64_RDX, 5));
    CASE("mov r13d, 0xffffffff", x64_ri(a, X64_MOV, X64_D, X64_R13, -1));
    CASE("mov al, 5", x64_ri(a, X64_MOV, X64_B, X64_RAX, 5));
    CASE("mov sil, -1", x64_ri(a, X64_MOV, X64_B, X64_RSI, -1));
    CASE("mov r11b, 0x7f", x64_ri(a, X64_MOV, X64_B, X64_R11, 0x7f));
    CASE("mov spl, 1", x64_ri(a, X64_MOV, X64_B, X64_RSP, 1)); /* REX, else it means ah */
    CASE("movabs rbx, offset sym+16", x64_mov_abs(a, X64_RBX, "sym", 16));
    CASE("movabs r10, offset sym", x64_mov_abs(a, X64_R10, "sym", 0));
}

static void alu_imm_cases(void)
{
    CASE("add eax, -1", x64_ri(a, X64_ADD, X64_D, X64_RAX, 0xffffffff)); /* imm8 at 32 bits */
    CASE("and ecx, -2", x64_ri(a, X64_AND, X64_D, X64_RCX, 0xfffffffe));
    CASE("cmp rax, 0x1000", x64_ri(a, X64_CMP, X64_Q, X64_RAX, 0x1000));
    CASE("test al, 1", x64_ri(a, X64_TEST, X64_B, X64_RAX, 1));
    CASE("test dil, 1", x64_ri(a, X64_TEST, X64_B, X64_RDI, 1));
    CASE("test rax, 5", x64_ri(a, X64_TEST, X64_Q, X64_RAX, 5));
    CASE("test r8, 5", x64_ri(a, X64_TEST, X64_Q, X64_R8, 5));
    CASE("xor esi, esi", x64_rr(a, X64_XOR, X64_D, X64_RSI, X64_RSI));
    CASE("shl r8, 1", x64_ri(a, X64_SHL, X64_Q, X64_R8, 1));
    CASE("sar rcx, 63", x64_ri(a, X64_SAR, X64_Q, X64_RCX, 63));
    CASE("imul rax, rbx, 0x7fffffff", x64_rri(a, X64_IMUL, X64_Q, X64_RAX, X64_RBX, INT32_MAX));
    CASE("imul r13d, dword ptr [r13], -1",
         x64_rmi(a, X64_IMUL, X64_D, X64_R13, x64_mem(X64_R13, 0), -1));
}

static void mem_cases(void)
{
    CASE("mov rax, [rbx+r12*1]",
         x64_rm(a, X64_MOV, X64_Q, X64_RAX, x64_mem_idx(X64_RBX, X64_R12, 1, 0)));
    CASE("mov rax, [r12+rbx*1]",
         x64_rm(a, X64_MOV, X64_Q, X64_RAX, x64_mem_idx(X64_R12, X64_RBX, 1, 0)));
    CASE("lea r8, [rbp+rbp*2-1]",
         x64_rm(a, X64_LEA, X64_Q, X64_R8, x64_mem_idx(X64_RBP, X64_RBP, 2, -1)));
    CASE("lea eax, [rdi+rsi*4+0x7fffffff]",
         x64_rm(a, X64_LEA, X64_D, X64_RAX, x64_mem_idx(X64_RDI, X64_RSI, 4, INT32_MAX)));
    CASE("mov qword ptr [rip+sym-4], 0x12345",
         x64_mi(a, X64_MOV, X64_Q, x64_mem_rip("sym", -4), 0x12345));
    CASE("add dword ptr [rip+sym], 5", x64_mi(a, X64_ADD, X64_D, x64_mem_rip("sym", 0), 5));
    CASE("mov byte ptr [r13+1], sil", x64_mr(a, X64_MOV, X64_B, x64_mem(X64_R13, 1), X64_RSI));
    CASE("movzx r9, byte ptr [rsp]", x64_rm(a, X64_MOVZX8, X64_Q, X64_R9, x64_mem(X64_RSP, 0)));
    CASE("movzx eax, spl", x64_rr(a, X64_MOVZX8, X64_D, X64_RAX, X64_RSP));
    CASE("movsx r10, bpl", x64_rr(a, X64_MOVSX8, X64_Q, X64_R10, X64_RBP));
    CASE("movzx ebx, bl", x64_rr(a, X64_MOVZX8, X64_D, X64_RBX, X64_RBX));
    CASE("call rax", x64_r(a, X64_CALL, X64_Q, X64_RAX));
    CASE("call r11", x64_r(a, X64_CALL, X64_Q, X64_R11));
    CASE("jmp qword ptr [rip+sym+8]", x64_m(a, X64_JMP, X64_Q, x64_mem_rip("sym", 8)));
    CASE("push r12; pop r13; push rax; pop rdi", x64_r(a, X64_PUSH, X64_Q, X64_R12);
         x64_r(a, X64_POP, X64_Q, X64_R13); x64_r(a, X64_PUSH, X64_Q, X64_RAX);
         x64_r(a, X64_POP, X64_Q, X64_RDI));
}

static void label_cases(void)
{
    CASE("{disp32} jmp 1f; 1:", {
        X64Label l = x64_label_new(a);
        x64_jmp(a, l);
        x64_label_bind(a, l);
    });
    CASE("{disp32} jmp 1f; {disp32} jmp 1f; ud2; 1: {disp32} je 2f; int3; 2: jmp 1b", {
        X64Label l1 = x64_label_new(a), l2 = x64_label_new(a);
        x64_jmp(a, l1);
        x64_jmp(a, l1);
        x64_op(a, X64_UD2);
        x64_label_bind(a, l1);
        x64_jcc(a, X64_CC_Z, l2);
        x64_op(a, X64_INT3);
        x64_label_bind(a, l2);
        x64_jmp(a, l1);
    });
    CASE("1: .fill 200, 1, 0x90; jmp 1b", {
        X64Label l = x64_label_new(a);
        x64_label_bind(a, l);
        for (int i = 0; i < 200; i++)
            x64_op(a, X64_NOP);
        x64_jmp(a, l);
    });
    CASE("call 1f; 1: ret", {
        X64Label l = x64_label_new(a);
        x64_call_label(a, l);
        x64_label_bind(a, l);
        x64_op(a, X64_RET);
    });
    CASE("1: ret; call 1b", {
        X64Label l = x64_label_new(a);
        x64_label_bind(a, l);
        x64_op(a, X64_RET);
        x64_call_label(a, l);
    });
    CASE("lea rax, [rip+1f+8]; cmp qword ptr [rip+1f], 5; 1: cmp dword ptr [rip+1b-3], 0x1000", {
        X64Label l = x64_label_new(a);
        x64_rm(a, X64_LEA, X64_Q, X64_RAX, x64_mem_label(l, 8));
        x64_mi(a, X64_CMP, X64_Q, x64_mem_label(l, 0), 5);
        x64_label_bind(a, l);
        x64_mi(a, X64_CMP, X64_D, x64_mem_label(l, -3), 0x1000);
    });
    CASE("movsd xmm9, [rip+1f]; ret; 1: .quad 0", {
        X64Label l = x64_label_new(a);
        x64_xm(a, X64_MOVSD, X64_XMM9, x64_mem_label(l, 0));
        x64_op(a, X64_RET);
        x64_label_bind(a, l);
        mc_u64(a->mc, 0);
    });
    CASE("call tr_int_add", x64_call(a, "tr_int_add"));
    CASE("jmp tr_raise", x64_jmp_sym(a, "tr_raise"));
    CASE("call foo; call bar; lea rdi, [rip+baz+3]", x64_call(a, "foo"); x64_call(a, "bar");
         x64_rm(a, X64_LEA, X64_Q, X64_RDI, x64_mem_rip("baz", 3)));
}

/* Runs every case through fn, in a fixed order. */
static void x64_each_case(X64CaseFn *fn, void *ctx)
{
    case_fn = fn;
    case_ctx = ctx;
    mov_imm_cases();
    alu_imm_cases();
    mem_cases();
    label_cases();
    sweep_conditions();
    sweep_forms();
}

/* --- The common line format of both sides: X64_EXPECT("text", "hex bytes", "relocations") ---- */

static const char *const reloc_names[] = {
    [MC_RELOC_CALL] = "PLT32", [MC_RELOC_PC32] = "PC32", [MC_RELOC_ABS64] = "64"};

static int hex_bytes(char *out, size_t cap, const uint8_t *b, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n && (size_t)k + 4 < cap; i++)
        k += snprintf(out + k, cap - (size_t)k, "%s%02x", i ? " " : "", b[i]);
    out[k] = 0;
    return k;
}

/* Appends one relocation "offset TYPE sym addend" (TYPE as in R_X86_64_TYPE) to out. */
static void add_reloc(char *out, size_t cap, unsigned off, const char *type, const char *sym,
                      long long addend)
{
    size_t k = strlen(out);
    snprintf(out + k, cap - k, "%s%u %s %s %lld", k ? "; " : "", off, type, sym, addend);
}

/* The hex and relocation strings of what the encoder produced. */
static void mc_format(const McCode *mc, char *hex, size_t hcap, char *rel, size_t rcap)
{
    hex_bytes(hex, hcap, mc->bytes, mc->size);
    rel[0] = 0;
    for (int i = 0; i < mc->nrelocs; i++)
        add_reloc(rel, rcap, mc->relocs[i].offset, reloc_names[mc->relocs[i].kind],
                  mc->relocs[i].sym, (long long)mc->relocs[i].addend);
}
