/*
 * ir_print.c -- the readable text form of IR that `trident ir` shows and IR tests compare:
 *   b1 (pc 4) <- b0 b3
 *     v7:i64 = add_i64_ov v5, v6          !4 [v1 v2 | v5 v6]
 * Types follow the value (t tagged, i64, f64, b bool, p pointer); `!pc` marks an exit, followed
 * by the frame state for guards (locals | stack, _ for unbound).
 */
#include "ir/ir.h"

#include "backend/rt_symbols.h"

#include "runtime/object.h"
#include "runtime/exc.h"
#include "runtime/str.h"

#include <string.h>

static const char *const type_names[] = {"", "t", "i64", "f64", "b", "p"};
static const char *const cmp_names[] = {"lt", "le", "eq", "ne", "gt", "ge"};

static void print_const(StrBuf *out, TrValue v)
{
    if (v == 0) {
        sb_puts(out, "NULL");
        return;
    }
    TrValue r = tr_repr(v);
    if (!r) {
        tr_err_clear();
        sb_printf(out, "<%s>", tr_type_name(v));
        return;
    }
    size_t n;
    const char *s = tr_str_utf8_len(r, &n);
    if (n > 40) {
        sb_append(out, s, 37);
        sb_puts(out, "...");
    } else {
        sb_append(out, s, n);
    }
}

static void print_fs(StrBuf *out, const IrFrameState *fs, bool full)
{
    sb_printf(out, "  !%d", fs->pc);
    if (!full)
        return;
    sb_puts(out, " [");
    for (int k = 0; k < fs->nlocals + fs->nstack; k++) {
        if (k == fs->nlocals)
            sb_puts(out, k ? " |" : "|");
        if (k)
            sb_putc(out, ' ');
        if (fs->vals[k])
            sb_printf(out, "v%d", fs->vals[k]->id);
        else
            sb_putc(out, '_');
    }
    sb_putc(out, ']');
}

void ir_print_instr(StrBuf *out, IrInstr *i)
{
    const IrOpInfo *info = ir_info(i);
    size_t start = out->len;
    sb_puts(out, "  ");
    if (i->type != IT_V)
        sb_printf(out, "v%d:%s = ", i->id, type_names[i->type]);
    sb_puts(out, info->name);
    switch (i->op) {
    case IR_const:
        sb_putc(out, ' ');
        print_const(out, i->cval);
        break;
    case IR_const_i64:
    case IR_const_bool:
    case IR_entry_local:
    case IR_stack_slot:
    case IR_closure_item:
        sb_printf(out, " %lld", (long long)i->imm);
        break;
    case IR_const_f64:
        sb_printf(out, " %.17g", i->fval);
        break;
    default:
        break;
    }
    for (int k = 0; k < i->nargs; k++) {
        sb_puts(out, k ? ", " : " ");
        if (!i->args[k])
            sb_puts(out, "NULL");
        else if (i->op == IR_phi && i->block && k < i->block->npreds)
            sb_printf(out, "v%d(b%d)", i->args[k]->id, i->block->preds[k]->id);
        else
            sb_printf(out, "v%d", i->args[k]->id);
    }
    switch (i->op) {
    case IR_binop:
        sb_printf(out, " '%s'", tr_binop_symbol((int)i->imm));
        break;
    case IR_compare:
    case IR_cmp_i64:
    case IR_cmp_f64:
        sb_printf(out, " %s", i->imm >= 0 && i->imm < 6 ? cmp_names[i->imm] : "?");
        break;
    case IR_load_global:
    case IR_load_global_q:
    case IR_store_global:
    case IR_delete_global:
    case IR_load_name:
    case IR_store_name:
    case IR_delete_name:
    case IR_import_name:
    case IR_import_from:
    case IR_delete_attr: {
        CodeObj *co = i->block ? i->block->fn->co : NULL;
        if (co && i->imm >= 0 && i->imm < (int64_t)tr_len(co->names)) {
            TrValue nm = tr_getitem(co->names, tr_small_new(i->imm));
            sb_printf(out, " %s", nm ? tr_str_utf8(nm) : "?");
        }
        break;
    }
    case IR_is_type:
        sb_printf(out, " %s", ((TrType *)(uintptr_t)i->imm)->name);
        break;
    case IR_func_code_is:
        sb_printf(out, " %s", i->imm ? (const char *)(uintptr_t)i->imm
                                     : tr_str_utf8(((CodeObj *)(uintptr_t)i->imm2)->qualname));
        break;
    case IR_is_cfunc: {
        const char *nm = rt_symbol_name((const void *)(uintptr_t)i->imm);
        sb_printf(out, " %s", nm ? nm : "?");
        break;
    }
    case IR_call_direct:
        sb_printf(out, " %s", tr_str_utf8(((CodeObj *)(uintptr_t)i->imm)->qualname));
        break;
    case IR_jump:
    case IR_branch:
        for (int s = 0; i->block && s < i->block->nsucc; s++)
            sb_printf(out, "%sb%d", s ? ", " : " -> ", i->block->succ[s]->id);
        break;
    default:
        if (info->sig && (strchr(info->sig, 'i') || strchr(info->sig, 's')) &&
            i->op != IR_unop)
            sb_printf(out, " #%lld", (long long)i->imm);
        else if (i->op == IR_unop)
            sb_printf(out, " #%lld", (long long)i->imm);
        break;
    }
    if (i->fs) {
        size_t col = out->len - start;
        for (; col < 44; col++)
            sb_putc(out, ' ');
        print_fs(out, i->fs, (info->flags & IRF_GUARD) != 0);
    }
    sb_putc(out, '\n');
}

void ir_print(StrBuf *out, IrFunc *fn)
{
    CodeObj *co = fn->co;
    sb_printf(out, "function %s (%s:%d)\n", co ? tr_str_utf8(co->qualname) : "?",
              co ? tr_str_utf8(co->filename) : "?", co ? co->firstlineno : 0);
    for (int b = 0; b < fn->nblocks; b++) {
        IrBlock *bb = fn->blocks[b];
        sb_printf(out, "b%d", bb->id);
        if (bb->pc >= 0)
            sb_printf(out, " (pc %d)", bb->pc);
        if (bb->loop_depth)
            sb_printf(out, " loop %d", bb->loop_depth);
        if (bb->npreds) {
            sb_puts(out, " <-");
            for (int p = 0; p < bb->npreds; p++)
                sb_printf(out, " b%d", bb->preds[p]->id);
        }
        sb_putc(out, '\n');
        for (IrInstr *i = bb->first; i; i = i->next)
            ir_print_instr(out, i);
    }
}
