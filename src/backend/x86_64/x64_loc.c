/*
 * x64_loc.c -- where values live for the x86-64 code generator: loading and storing values in
 * their registers or home slots, constants (static objects by symbol, others through the code
 * object's constants), the exits that hand a frame to the interpreter, calls of the helpers of
 * generic operations, and the parallel copies of phis on control-flow edges.
 */
#include "backend/x86_64/x64_gen_internal.h"

#include <stdlib.h>
#include <string.h>

static const X64Reg arg_regs[6] = {X64_RDI, X64_RSI, X64_RDX, X64_RCX, X64_R8, X64_R9};

/* --- Locations --------------------------------------------------------------------------- */

X64Mem x64g_slot_mem(Gen *g, int slot) { return x64_mem(X64_RBP, -SAVED - 8 * (slot + 1)); }

X64Mem x64g_val_mem(Gen *g, IrInstr *v)
{
    TR_ASSERT(v->slot >= 0);
    return x64g_slot_mem(g, v->slot);
}

X64Mem x64g_lp_mem(int k) { return x64_mem(X64_RBX, LP_OFF + 8 * k); }


/* Where a value lives: its register, unless an exit is being emitted (then every value is read
   from its home slot: boxing calls there clobber the caller-saved registers). */
bool x64g_in_reg(Gen *g, IrInstr *v) { return v->reg >= 0 && !g->in_exit; }

void x64g_load(Gen *g, X64Reg r, IrInstr *v)
{
    if (v->reg == RA_REMAT) {
        if (v->op == IR_const)
            x64g_load_const(g, r, v->cval);
        else if (v->op == IR_const_f64) {
            uint64_t bits;
            memcpy(&bits, &v->fval, 8);
            x64_ri(&g->a, X64_MOV, X64_Q, r, (int64_t)bits);
        } else
            x64_ri(&g->a, X64_MOV, X64_Q, r, v->imm);
    } else if (x64g_in_reg(g, v)) {
        if (v->type == IT_F)
            x64_rx(&g->a, X64_MOVQ, X64_Q, r, (X64Xmm)v->reg);
        else if (v->reg != (int)r)
            x64_rr(&g->a, X64_MOV, X64_Q, r, (X64Reg)v->reg);
    } else {
        x64_rm(&g->a, X64_MOV, X64_Q, r, x64g_val_mem(g, v));
    }
}

void x64g_store(Gen *g, IrInstr *v, X64Reg r)
{
    if (v->reg >= 0) {
        if (v->type == IT_F)
            x64_xr(&g->a, X64_MOVQ, X64_Q, (X64Xmm)v->reg, r);
        else if (v->reg != (int)r)
            x64_rr(&g->a, X64_MOV, X64_Q, (X64Reg)v->reg, r);
    } else {
        x64_mr(&g->a, X64_MOV, X64_Q, x64g_val_mem(g, v), r);
    }
}

void x64g_loadx(Gen *g, X64Xmm x, IrInstr *v)
{
    if (v->reg == RA_REMAT) {
        x64g_load(g, X64_RAX, v);
        x64_xr(&g->a, X64_MOVQ, X64_Q, x, X64_RAX);
    } else if (x64g_in_reg(g, v)) {
        if (v->type != IT_F)
            x64_xr(&g->a, X64_MOVQ, X64_Q, x, (X64Reg)v->reg);
        else if (v->reg != (int)x)
            x64_xx(&g->a, X64_MOVAPD, x, (X64Xmm)v->reg);
    } else {
        x64_xm(&g->a, X64_MOVSD, x, x64g_val_mem(g, v));
    }
}

void x64g_storex(Gen *g, IrInstr *v, X64Xmm x)
{
    if (v->reg >= 0) {
        if (v->type != IT_F)
            x64_rx(&g->a, X64_MOVQ, X64_Q, (X64Reg)v->reg, x);
        else if (v->reg != (int)x)
            x64_xx(&g->a, X64_MOVAPD, (X64Xmm)v->reg, x);
    } else {
        x64_mx(&g->a, X64_MOVSD, x64g_val_mem(g, v), x);
    }
}

void x64g_fail(Gen *g, const char *why)
{
    if (!g->why)
        g->why = why;
}

/* Symbols of the static objects a constant or type test may name. */
const char *x64g_static_symbol(const void *p)
{
    static const struct { const void *p; const char *name; } syms[] = {
        {&tr_none_obj, "tr_none_obj"}, {&tr_true_obj, "tr_true_obj"},
        {&tr_false_obj, "tr_false_obj"}, {&tr_notimpl_obj, "tr_notimpl_obj"},
        {&tr_ellipsis_obj, "tr_ellipsis_obj"}, {&tr_int_type, "tr_int_type"},
        {&tr_float_type, "tr_float_type"}, {&tr_bool_type, "tr_bool_type"},
        {&tr_str_type, "tr_str_type"}, {&tr_list_type, "tr_list_type"},
        {&tr_tuple_type, "tr_tuple_type"}, {&tr_dict_type, "tr_dict_type"},
        {&tr_set_type, "tr_set_type"}, {&tr_none_type, "tr_none_type"},
        {&tr_function_type, "tr_function_type"}, {&tr_builtin_type, "tr_builtin_type"},
        {&tr_range_type, "tr_range_type"}, {&tr_AssertionError, "tr_AssertionError"},
    };
    for (size_t k = 0; k < TR_ARRAY_LEN(syms); k++)
        if (syms[k].p == p)
            return syms[k].name;
    return NULL;
}

/* Whether x64g_load_const can load v (without emitting anything). */
bool x64g_const_ok(Gen *g, TrValue v)
{
    if (!tr_is_ptr(v) || x64g_static_symbol(tr_obj(v)))
        return true;
    TrTuple *c = tr_as_tuple(g->co->consts);
    for (int64_t k = 0; k < c->len; k++)
        if (c->items[k] == v)
            return true;
    return false;
}

void x64g_load_const(Gen *g, X64Reg r, TrValue v)
{
    if (!tr_is_ptr(v)) {
        x64_ri(&g->a, X64_MOV, X64_Q, r, (int64_t)v);
        return;
    }
    const char *sym = x64g_static_symbol(tr_obj(v));
    if (sym) {
        x64_mov_abs(&g->a, r, sym, 0);
        return;
    }
    /* other objects are found through the code object: f->co->consts->items[k] */
    TrTuple *c = tr_as_tuple(g->co->consts);
    for (int64_t k = 0; k < c->len; k++)
        if (c->items[k] == v) {
            x64_rm(&g->a, X64_MOV, X64_Q, r, x64_mem(X64_RBX, (int32_t)offsetof(Frame, co)));
            x64_rm(&g->a, X64_MOV, X64_Q, r, x64_mem(r, (int32_t)offsetof(CodeObj, consts)));
            x64_rm(&g->a, X64_MOV, X64_Q, r,
                   x64_mem(r, (int32_t)(offsetof(TrTuple, items) + 8 * (size_t)k)));
            return;
        }
    x64g_fail(g, "a constant that is not in the code object");
}

/* --- Exits --------------------------------------------------------------------------------- */

X64Label x64g_exit_for(Gen *g, IrInstr *i, bool throwing)
{
    if (!i->fs) {
        x64g_fail(g, "an exit without a frame state");
        return x64_label_new(&g->a);
    }
    if (g->nexits == g->exits_cap) {
        g->exits_cap = g->exits_cap ? 2 * g->exits_cap : 32;
        g->exits = realloc(g->exits, sizeof(Exit) * (size_t)g->exits_cap);
        if (!g->exits)
            abort();
    }
    Exit *e = &g->exits[g->nexits++];
    e->at = i;
    e->label = x64_label_new(&g->a);
    e->throwing = throwing;
    return e->label;
}

/* Stores (save) or reloads the caller-saved registers of values around a call that the
   allocator did not count as one; each register has its slot from save_base on. */
static void save_restore(Gen *g, bool save)
{
    if (g->in_exit)
        return;
    /* the registers live across the current instruction, and its operands' (read again
       after the call by some instructions) */
    uint32_t gm = g->save_gprs, fm = g->save_xmms;
    if (g->cur && g->across) {
        uint32_t ga = g->across[2 * (size_t)g->cur->id];
        uint32_t fa = g->across[2 * (size_t)g->cur->id + 1];
        for (int k = 0; k < g->cur->nargs; k++) {
            IrInstr *x = g->cur->args[k];
            if (x->reg >= 0)
                *(x->type == IT_F ? &fa : &ga) |= 1u << x->reg;
        }
        gm &= ga;
        fm &= fa;
    }
    int k = g->save_base;
    for (int r = 0; r < 16; r++)
        if ((gm >> r) & 1) {
            if (save)
                x64_mr(&g->a, X64_MOV, X64_Q, x64g_slot_mem(g, k), (X64Reg)r);
            else
                x64_rm(&g->a, X64_MOV, X64_Q, (X64Reg)r, x64g_slot_mem(g, k));
            k++;
        }
    for (int r = 0; r < 16; r++)
        if ((fm >> r) & 1) {
            if (save)
                x64_mx(&g->a, X64_MOVSD, x64g_slot_mem(g, k), (X64Xmm)r);
            else
                x64_xm(&g->a, X64_MOVSD, (X64Xmm)r, x64g_slot_mem(g, k));
            k++;
        }
}

void x64g_save_regs(Gen *g) { save_restore(g, true); }
void x64g_restore_regs(Gen *g) { save_restore(g, false); }

/* rax <- v as a tagged value (boxes int64 / double / bool); may call (keeping registers). */
void x64g_load_tagged(Gen *g, X64Reg r, IrInstr *v)
{
    if (v->op == IR_range_iter_virtual) { /* the iterator of a counted loop, at its counter */
        x64g_load(g, X64_RDI, v->args[0]);
        x64g_load(g, X64_RSI, v->args[1]);
        x64g_load(g, X64_RDX, v->args[2]);
        x64_call(&g->a, "tr_range_iter_make");
        if (r != X64_RAX)
            x64_rr(&g->a, X64_MOV, X64_Q, r, X64_RAX);
        return;
    }
    switch (v->type) {
    case IT_T:
        x64g_load(g, r, v);
        return;
    case IT_I: { /* inline when it fits a small int */
        X64Label slow = x64_label_new(&g->a), done = x64_label_new(&g->a);
        x64g_load(g, X64_RAX, v);
        x64_rr(&g->a, X64_MOV, X64_Q, X64_RCX, X64_RAX);
        x64_ri(&g->a, X64_SHL, X64_Q, X64_RCX, 2);
        x64_ri(&g->a, X64_SAR, X64_Q, X64_RCX, 2);
        x64_rr(&g->a, X64_CMP, X64_Q, X64_RCX, X64_RAX);
        x64_jcc(&g->a, X64_CC_NE, slow);
        x64_rm(&g->a, X64_LEA, X64_Q, X64_RAX, x64_mem_idx(X64_NOREG, X64_RAX, 4, 1));
        x64_jmp(&g->a, done);
        x64_label_bind(&g->a, slow);
        x64g_save_regs(g);
        x64_rr(&g->a, X64_MOV, X64_Q, X64_RDI, X64_RAX);
        x64_call(&g->a, "tr_int_from_i64");
        x64g_restore_regs(g);
        x64_label_bind(&g->a, done);
        break;
    }
    case IT_F:
        x64g_loadx(g, X64_XMM0, v);
        x64g_save_regs(g);
        x64_call(&g->a, "tr_float_new");
        x64g_restore_regs(g);
        break;
    case IT_B: {
        x64g_load(g, X64_RCX, v);
        x64_mov_abs(&g->a, X64_RAX, "tr_false_obj", 0);
        x64_mov_abs(&g->a, X64_RDX, "tr_true_obj", 0);
        x64_rr(&g->a, X64_TEST, X64_D, X64_RCX, X64_RCX);
        x64_cmov(&g->a, X64_CC_NE, X64_Q, X64_RAX, X64_RDX);
        break;
    }
    default:
        x64g_fail(g, "a value of no type in a frame state");
        return;
    }
    if (r != X64_RAX)
        x64_rr(&g->a, X64_MOV, X64_Q, r, X64_RAX);
}

void x64g_emit_exit(Gen *g, Exit *e)
{
    X64Asm *a = &g->a;
    IrFrameState *fs = e->at->fs;
    x64_label_bind(a, e->label);
    if (e->throwing && !fs->in_try) {
        x64_rr(a, X64_MOV, X64_Q, X64_RDI, X64_RBX);
        x64_ri(a, X64_MOV, X64_D, X64_RSI, fs->pc);
        x64_call(a, "vm_native_error");
        x64_jmp(a, g->epilogue);
        return;
    }
    int nlp = g->co->nlocalsplus;
    /* registers to home slots first: boxing below calls out (a virtual value is built from
       its operands) */
    for (int k = 0; k < fs->nlocals + fs->nstack; k++) {
        IrInstr *v = fs->vals[k];
        bool virt = v && v->op == IR_range_iter_virtual;
        for (int u = 0; u < (virt ? v->nargs : 1); u++) {
            IrInstr *x = virt ? v->args[u] : v;
            if (!x || x->reg < 0)
                continue;
            if (x->type == IT_F)
                x64_mx(a, X64_MOVSD, x64g_val_mem(g, x), (X64Xmm)x->reg);
            else
                x64_mr(a, X64_MOV, X64_Q, x64g_val_mem(g, x), (X64Reg)x->reg);
        }
    }
    g->in_exit = true;
    for (int k = 0; k < fs->nlocals + fs->nstack; k++) {
        IrInstr *v = fs->vals[k];
        int at = k < fs->nlocals ? k : nlp + (k - fs->nlocals);
        if (!v) {
            x64_mi(a, X64_MOV, X64_Q, x64g_lp_mem(at), 0);
            continue;
        }
        x64g_load_tagged(g, X64_RAX, v);
        x64_mr(a, X64_MOV, X64_Q, x64g_lp_mem(at), X64_RAX);
    }
    x64_rr(a, X64_MOV, X64_Q, X64_RDI, X64_RBX);
    x64_ri(a, X64_MOV, X64_D, X64_RSI, fs->pc);
    x64_ri(a, X64_MOV, X64_D, X64_RDX, fs->nstack);
    x64_ri(a, X64_MOV, X64_D, X64_RCX, e->throwing);
    x64_call(a, "vm_native_resume");
    x64_jmp(a, g->epilogue);
    g->in_exit = false;
}

/* --- Generic operations: calls of helpers ------------------------------------------------- */

/* Stores i's operands that are in registers into their home slots and reads every value from
   its slot until in_exit is cleared: for code that calls out before it has read them all. */
void x64g_args_to_slots(Gen *g, IrInstr *i)
{
    for (int k = 0; k < i->nargs; k++) {
        IrInstr *x = i->args[k];
        if (x->reg < 0)
            continue;
        if (x->type == IT_F)
            x64_mx(&g->a, X64_MOVSD, x64g_val_mem(g, x), (X64Xmm)x->reg);
        else
            x64_mr(&g->a, X64_MOV, X64_Q, x64g_val_mem(g, x), (X64Reg)x->reg);
    }
    g->in_exit = true;
}

void x64g_gen_helper_call(Gen *g, IrInstr *i)
{
    X64Asm *a = &g->a;
    const IrOpInfo *info = ir_info(i);
    const char *sig = info->sig;
    int nreg = 0, nx = 0, opnd = 0;
    /* 's' operands go to the frame's value stack first (they are not in registers); boxing
       one calls out, so then every operand is read from its home slot */
    const char *s = strchr(sig, 's');
    bool boxes = false;
    if (s && s < strchr(sig, ':'))
        for (int k = 0; k < i->nargs; k++)
            boxes |= i->args[k]->type != IT_T;
    if (boxes)
        x64g_args_to_slots(g, i);
    if (s && s < strchr(sig, ':')) {
        int base = g->co->nlocalsplus + (int)i->imm2;
        /* operands before 's' in the signature are 'v's counted from 0; count them */
        int before = 0;
        for (const char *p = sig; p < s; p++)
            before += *p == 'v';
        for (int k = before; k < i->nargs; k++) {
            IrInstr *v = i->args[k];
            if (v->type != IT_T) {
                x64g_load_tagged(g, X64_RAX, v);
                x64_mr(a, X64_MOV, X64_Q, x64g_lp_mem(base + k - before), X64_RAX);
            } else if (x64g_in_reg(g, v)) {
                x64_mr(a, X64_MOV, X64_Q, x64g_lp_mem(base + k - before), (X64Reg)v->reg);
            } else {
                x64g_load(g, X64_RAX, v);
                x64_mr(a, X64_MOV, X64_Q, x64g_lp_mem(base + k - before), X64_RAX);
            }
        }
    }
    /* the value operands first, as one parallel move (an operand may live in another
       operand's argument register), then the constant arguments */
    Loc dst[12], src[12];
    int nmove = 0;
    for (const char *p = sig; *p && *p != ':'; p++) {
        switch (*p) {
        case 'v': {
            IrInstr *v = i->args[opnd++];
            if (v->type == IT_F) {
                dst[nmove] = (Loc){LOC_XMM, nx++, NULL};
            } else if (v->type == IT_T || v->type == IT_I || v->type == IT_P) {
                dst[nmove] = (Loc){LOC_GPR, arg_regs[nreg++], NULL};
            } else {
                x64g_fail(g, "a bool operand of a generic operation");
                return;
            }
            src[nmove++] = boxes && v->reg >= 0 ? (Loc){LOC_SLOT, v->slot, v} : x64g_loc_of(v);
            break;
        }
        case 's':
            opnd = i->nargs;
            nreg += 2;
            break;
        default:
            nreg++;
        }
        if (nreg > 6 || nx > 8) {
            x64g_fail(g, "too many helper arguments");
            return;
        }
    }
    x64g_parallel_move(g, dst, src, nmove);
    g->in_exit = false;
    nreg = 0;
    opnd = 0;
    for (const char *p = sig; *p && *p != ':'; p++) {
        switch (*p) {
        case 'f':
            x64_rr(a, X64_MOV, X64_Q, arg_regs[nreg++], X64_RBX);
            break;
        case 'v': /* moved above */
            if (i->args[opnd++]->type != IT_F)
                nreg++;
            break;
        case 'i':
            x64_ri(a, X64_MOV, X64_Q, arg_regs[nreg++], i->imm);
            break;
        case 'j':
            x64_ri(a, X64_MOV, X64_Q, arg_regs[nreg++], i->imm2);
            break;
        case 'p':
            x64_ri(a, X64_MOV, X64_Q, arg_regs[nreg++], i->pc);
            break;
        case 's': {
            int before = 0;
            for (const char *q = sig; q < p; q++)
                before += *q == 'v';
            x64_rm(a, X64_LEA, X64_Q, arg_regs[nreg++],
                   x64g_lp_mem(g->co->nlocalsplus + (int)i->imm2));
            x64_ri(a, X64_MOV, X64_Q, arg_regs[nreg++], i->nargs - before);
            break;
        }
        default:
            x64g_fail(g, "bad helper signature");
        }
    }
    x64_call(a, info->helper);
    char err = strchr(sig, ':')[1];
    if (err == 'n' || err == 'x') {
        x64_rr(a, X64_TEST, X64_Q, X64_RAX, X64_RAX);
        x64_jcc(a, X64_CC_E, x64g_exit_for(g, i, true));
    } else if (err == 'e') {
        x64_rr(a, X64_TEST, X64_D, X64_RAX, X64_RAX);
        x64_jcc(a, X64_CC_S, x64g_exit_for(g, i, true));
    }
    if (info->flags & IRF_TERM) { /* raise: never returns normally */
        x64_jmp(a, x64g_exit_for(g, i, true));
        return;
    }
    if (i->type == IT_B) {
        x64_rr(a, X64_MOVZX8, X64_D, X64_RAX, X64_RAX);
        x64g_store(g, i, X64_RAX);
    } else if (i->type == IT_F) {
        x64g_storex(g, i, X64_XMM0);
    } else if (i->type != IT_V) {
        x64g_store(g, i, X64_RAX);
    }
}

/* A location for the parallel copies of phis: a register of either class, a slot, or a
   constant to rematerialize. */

Loc x64g_loc_of(IrInstr *v)
{
    if (v->reg == RA_REMAT)
        return (Loc){LOC_CONST, 0, v};
    if (v->reg >= 0)
        return (Loc){v->type == IT_F ? LOC_XMM : LOC_GPR, v->reg, v};
    return (Loc){LOC_SLOT, v->slot, v};
}

bool x64g_loc_eq(Loc x, Loc y) { return x.kind == y.kind && x.num == y.num && x.kind != LOC_CONST; }

/* dst <- src for one 64-bit value, through rax when neither side is a register. */
void x64g_move_loc(Gen *g, Loc dst, Loc src)
{
    X64Asm *a = &g->a;
    X64Reg r;
    if (dst.kind == LOC_XMM && src.kind == LOC_XMM) {
        x64_xx(a, X64_MOVAPD, (X64Xmm)dst.num, (X64Xmm)src.num);
        return;
    }
    if (dst.kind == LOC_XMM && src.kind == LOC_SLOT) {
        x64_xm(a, X64_MOVSD, (X64Xmm)dst.num, x64g_slot_mem(g, src.num));
        return;
    }
    if (dst.kind == LOC_SLOT && src.kind == LOC_XMM) {
        x64_mx(a, X64_MOVSD, x64g_slot_mem(g, dst.num), (X64Xmm)src.num);
        return;
    }
    switch (src.kind) {
    case LOC_GPR: r = (X64Reg)src.num; break;
    case LOC_XMM: r = X64_RAX; x64_rx(a, X64_MOVQ, X64_Q, X64_RAX, (X64Xmm)src.num); break;
    case LOC_SLOT:
        r = X64_RAX;
        x64_rm(a, X64_MOV, X64_Q, X64_RAX, x64g_slot_mem(g, src.num));
        break;
    default:
        if (dst.kind == LOC_GPR) {
            x64g_load(g, (X64Reg)dst.num, src.v);
            return;
        }
        r = X64_RAX;
        x64g_load(g, X64_RAX, src.v);
    }
    switch (dst.kind) {
    case LOC_GPR:
        if ((int)r != dst.num)
            x64_rr(a, X64_MOV, X64_Q, (X64Reg)dst.num, r);
        break;
    case LOC_XMM: x64_xr(a, X64_MOVQ, X64_Q, (X64Xmm)dst.num, r); break;
    default: x64_mr(a, X64_MOV, X64_Q, x64g_slot_mem(g, dst.num), r); break;
    }
}

void x64g_gen_phi_moves(Gen *g, IrBlock *from, IrBlock *to)
{
    int p = 0;
    while (p < to->npreds && to->preds[p] != from)
        p++;
    TR_ASSERT(p < to->npreds);
    Loc dst[64], src[64];
    int n = 0;
    for (IrInstr *i = to->first; i && i->op == IR_phi; i = i->next) {
        if (n == 64) { /* more phis than fit: move them through the scratch slots */
            x64g_fail(g, "a block with more than 64 phis");
            return;
        }
        if ((i->type == IT_F) != (i->args[p]->type == IT_F)) {
            x64g_fail(g, "a phi whose operand has another representation");
            return;
        }
        Loc d = x64g_loc_of(i), s = x64g_loc_of(i->args[p]);
        if (x64g_loc_eq(d, s))
            continue;
        dst[n] = d;
        src[n++] = s;
    }
    x64g_parallel_move(g, dst, src, n);
}

/* dst[k] <- src[k] for all k at once: a move may go once no pending move still reads its
   destination; a cycle is broken by parking one source in the scratch slot. */
void x64g_parallel_move(Gen *g, Loc *dst, Loc *src, int n)
{
    while (n) {
        bool progress = false;
        for (int k = 0; k < n; k++) {
            bool read = false;
            for (int j = 0; j < n && !read; j++)
                read = j != k && x64g_loc_eq(src[j], dst[k]);
            if (read)
                continue;
            if (!x64g_loc_eq(dst[k], src[k]))
                x64g_move_loc(g, dst[k], src[k]);
            dst[k] = dst[n - 1];
            src[k] = src[n - 1];
            n--;
            progress = true;
            break;
        }
        if (!progress) {
            Loc park = {LOC_SLOT, g->park, NULL};
            x64g_move_loc(g, park, src[0]);
            src[0] = park;
        }
    }
}

bool x64g_has_phis(IrBlock *b) { return b->first && b->first->op == IR_phi; }

bool x64g_edge_moves(IrBlock *from, IrBlock *to)
{
    int p = 0;
    while (p < to->npreds && to->preds[p] != from)
        p++;
    for (IrInstr *i = to->first; i && i->op == IR_phi; i = i->next)
        if (p >= i->nargs || !x64g_loc_eq(x64g_loc_of(i), x64g_loc_of(i->args[p])))
            return true;
    return false;
}

void x64g_gen_edge(Gen *g, IrBlock *from, IrBlock *to)
{
    if (x64g_has_phis(to))
        x64g_gen_phi_moves(g, from, to);
    if (to->id != from->id + 1) /* the next block follows anyway */
        x64_jmp(&g->a, g->block_label[to->id]);
}
