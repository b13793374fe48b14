/*
 * ir_build.c -- bytecode to SSA IR. One abstract interpretation over the code object: each
 * basic block's instructions turn into IR on a symbolic frame (locals and value stack hold IR
 * values instead of objects). Blocks with several predecessors, or with one that comes later
 * (a loop), start with a phi for every slot; ir_build ends by removing the phis that turned out
 * trivial. Only code reachable without an exception is built: handlers run in the interpreter
 * (see the exits in ir.h).
 */
#include "ir/ir.h"

#include "runtime/func.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/quick.h"

#include <string.h>

typedef struct BState {
    IrBlock *block;  /* NULL: not a block start */
    int depth;       /* stack depth at entry, -1 unknown (unreachable) */
    int npreds;      /* incoming edges from reachable code */
    int nseen;       /* edges added so far */
    bool phis;       /* entry values are phis */
    IrInstr **entry; /* values at entry: nlp locals then depth stack slots */
} BState;

typedef struct Builder {
    IrFunc *fn;
    CodeObj *co;
    BcWord *code;   /* generic words */
    int n, nlp;
    BState *bs;
    IrInstr **vals; /* current symbolic frame: nlp locals then the stack */
    int sp;         /* stack depth */
    IrBlock *cur;
    IrInstr *null0; /* const NULL, in the entry block */
    TrValue kwnames;
    int kwnames_idx;
    const char *why;
} Builder;

#define LOCAL(k) (b->vals[(k)])
#define PUSH(v) push(b, (v))
#define POP() (b->vals[b->nlp + --b->sp])
#define PEEK(k) (b->vals[b->nlp + b->sp - (k)])

/* A function, not a macro: the value is often a call that itself moves sp. */
static void push(Builder *b, IrInstr *v) { b->vals[b->nlp + b->sp++] = v; }

static bool is_jump(int op)
{
    switch (op) {
    case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD: case OP_JUMP_BACKWARD_NO_INTERRUPT:
    case OP_POP_JUMP_FORWARD_IF_FALSE: case OP_POP_JUMP_BACKWARD_IF_FALSE:
    case OP_POP_JUMP_FORWARD_IF_TRUE: case OP_POP_JUMP_BACKWARD_IF_TRUE:
    case OP_POP_JUMP_FORWARD_IF_NONE: case OP_POP_JUMP_BACKWARD_IF_NONE:
    case OP_POP_JUMP_FORWARD_IF_NOT_NONE: case OP_POP_JUMP_BACKWARD_IF_NOT_NONE:
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER:
        return true;
    default:
        return false;
    }
}

static bool is_uncond(int op)
{
    return op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD ||
           op == OP_JUMP_BACKWARD_NO_INTERRUPT || op == OP_RETURN_VALUE ||
           op == OP_RAISE_VARARGS || op == OP_RERAISE;
}

/* Stack effect of a non-jump instruction (jumps are handled by the scan). -1000: unsupported. */
static int stack_effect(int op, int arg)
{
    switch (op) {
    case OP_NOP: case OP_RESUME: case OP_CACHE: case OP_EXTENDED_ARG: case OP_PRECALL:
    case OP_KW_NAMES: case OP_MAKE_CELL: case OP_COPY_FREE_VARS: case OP_SETUP_ANNOTATIONS:
    case OP_SWAP: case OP_DELETE_FAST: case OP_DELETE_DEREF: case OP_DELETE_GLOBAL:
    case OP_DELETE_NAME: case OP_UNARY_POSITIVE: case OP_UNARY_NEGATIVE: case OP_UNARY_NOT:
    case OP_UNARY_INVERT: case OP_LOAD_ATTR: case OP_GET_ITER: case OP_LIST_TO_TUPLE:
        return 0;
    case OP_POP_TOP: case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_GLOBAL:
    case OP_STORE_NAME: case OP_DELETE_ATTR: case OP_BINARY_SUBSCR: case OP_BINARY_OP:
    case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP: case OP_LIST_APPEND:
    case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_UPDATE:
    case OP_DICT_MERGE: case OP_IMPORT_NAME: case OP_IMPORT_STAR: case OP_PRINT_EXPR:
    case OP_RETURN_VALUE:
        return -1;
    case OP_PUSH_NULL: case OP_LOAD_CONST: case OP_COPY: case OP_LOAD_FAST:
    case OP_LOAD_CLOSURE: case OP_LOAD_DEREF: case OP_LOAD_CLASSDEREF: case OP_LOAD_NAME:
    case OP_LOAD_METHOD: case OP_IMPORT_FROM: case OP_LOAD_BUILD_CLASS:
    case OP_LOAD_ASSERTION_ERROR: case OP_GET_LEN: case OP_BEFORE_WITH:
        return 1;
    case OP_LOAD_GLOBAL: return 1 + (arg & 1);
    case OP_STORE_ATTR: case OP_DELETE_SUBSCR: case OP_MAP_ADD: return -2;
    case OP_STORE_SUBSCR: return -3;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP: return -arg;
    case OP_BUILD_SLICE: return 1 - arg;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_MAKE_FUNCTION:
        return -((arg & 1) + !!(arg & 2) + !!(arg & 4) + !!(arg & 8));
    case OP_CALL: return -arg - 1;
    case OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case OP_RAISE_VARARGS: return -arg;
    default:
        return -1000;
    }
}

/* --- Scan: blocks, reachability, stack depths, edge counts --------------------------------- */

static BState *mark(Builder *b, int target, int depth)
{
    BState *s = &b->bs[target];
    s->npreds++;
    if (s->depth < 0)
        s->depth = depth;
    else if (s->depth != depth && !b->why)
        b->why = "inconsistent stack depth";
    return s;
}

static bool scan(Builder *b)
{
    int n = b->n;
    bool *leader = ARENA_ARRAY(b->fn->arena, bool, n + 1);
    leader[0] = true;
    for (int i = 0; i < n; i++) {
        int op = BC_OP(b->code[i]);
        if (is_jump(op)) {
            leader[BC_ARG(b->code[i])] = true;
            leader[i + 1] = true;
        } else if (is_uncond(op)) {
            leader[i + 1] = true;
        }
    }
    for (int i = 0; i < n; i++)
        b->bs[i].depth = -1;
    /* worklist over block starts, in order; a block's depth is known once an edge reaches it */
    int *work = ARENA_ARRAY(b->fn->arena, int, n + 1);
    bool *queued = ARENA_ARRAY(b->fn->arena, bool, n + 1);
    int nw = 0;
    b->bs[0].depth = 0;
    b->bs[0].npreds = 1; /* from the entry block */
    work[nw++] = 0;
    queued[0] = true;
    while (nw) {
        int start = work[--nw];
        int depth = b->bs[start].depth;
        for (int i = start; i < n; i++) {
            if (i > start && leader[i]) {
                BState *s = mark(b, i, depth);
                if (!queued[i]) {
                    queued[i] = true;
                    work[nw++] = i;
                }
                TR_UNUSED(s);
                break;
            }
            int op = BC_OP(b->code[i]), arg = (int)BC_ARG(b->code[i]);
            int tdepth = -1; /* depth on the jump edge */
            if (is_jump(op)) {
                switch (op) {
                case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD: case OP_JUMP_BACKWARD_NO_INTERRUPT:
                    tdepth = depth;
                    break;
                case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
                    tdepth = depth;
                    depth--;
                    break;
                case OP_FOR_ITER:
                    tdepth = depth - 1;
                    depth++;
                    break;
                default: /* POP_JUMP_* */
                    depth--;
                    tdepth = depth;
                }
                mark(b, arg, tdepth);
                if (!queued[arg]) {
                    queued[arg] = true;
                    work[nw++] = arg;
                }
                if (op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD ||
                    op == OP_JUMP_BACKWARD_NO_INTERRUPT)
                    break;
                continue;
            }
            if (op == OP_RERAISE) {
                b->why = "re-raise outside an exception handler";
                return false;
            }
            int eff = stack_effect(op, arg);
            if (eff == -1000) {
                b->why = bc_op_names[op];
                return false;
            }
            depth += eff;
            if (depth < 0 || depth > b->co->stacksize) {
                b->why = "stack depth out of range";
                return false;
            }
            if (op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS)
                break;
        }
    }
    for (int i = 0; i < n; i++)
        if (leader[i] && b->bs[i].depth >= 0)
            b->bs[i].block = ir_block_new(b->fn, i);
    return !b->why;
}

/* --- Emitting -------------------------------------------------------------------------------- */

static IrInstr *emit(Builder *b, IrOp op, int nargs, IrInstr *const *args, int pc)
{
    IrInstr *i = ir_new(b->fn, op, nargs, args);
    i->pc = pc;
    ir_append(b->cur, i);
    return i;
}

static bool covered(const CodeObj *co, int pc)
{
    for (int k = 0; k < co->nexctab; k++)
        if (co->exctab[k].start <= pc && pc < co->exctab[k].end)
            return true;
    return false;
}

/* The frame state before instruction pc. Errors outside every try block need only pc. */
static IrFrameState *state(Builder *b, int pc, bool full)
{
    bool in_try = covered(b->co, pc);
    if (!full && !in_try)
        return ir_fs_new(b->fn, pc, 0, 0);
    IrFrameState *fs = ir_fs_new(b->fn, pc, b->nlp, b->sp);
    fs->in_try = in_try;
    memcpy(fs->vals, b->vals, sizeof(IrInstr *) * (size_t)(b->nlp + b->sp));
    for (int k = 0; k < b->nlp; k++)
        if (fs->vals[k] == b->null0)
            fs->vals[k] = NULL;
    return fs;
}

/* Ops that the specialize pass may replace by guarded code: their state is always full, as a
   guard copies it (specialize shrinks it back where the op stays generic outside a try). */
static bool may_guard(IrOp op)
{
    return op == IR_binop || op == IR_compare || op == IR_unop || op == IR_truth ||
           op == IR_not_obj || op == IR_getitem || op == IR_setitem || op == IR_call ||
           op == IR_get_iter || op == IR_for_next;
}

/* An instruction that may raise: emitted with the state before pc. */
static IrInstr *emit_raise(Builder *b, IrOp op, int nargs, IrInstr *const *args, int pc)
{
    IrFrameState *fs = state(b, pc, may_guard(op));
    IrInstr *i = emit(b, op, nargs, args, pc);
    i->fs = fs;
    return i;
}

static IrInstr *const_val(Builder *b, TrValue v, int pc)
{
    IrInstr *i = emit(b, IR_const, 0, NULL, pc);
    i->cval = v;
    return i;
}

static bool maybe_null(Builder *b, IrInstr *v, int depth)
{
    if (v == b->null0)
        return true;
    if (v->op != IR_phi)
        return false;
    if (depth > 8 || (v->block && v->nargs < v->block->npreds) || v->aux)
        return true; /* incomplete (operands from later blocks) or cyclic: assume the worst */
    BState *s = NULL;
    if (v->block && v->block->pc >= 0)
        s = &b->bs[v->block->pc];
    if (s && s->nseen < s->npreds)
        return true;
    v->aux = (void *)1;
    bool r = false;
    for (int k = 0; k < v->nargs && !r; k++)
        r = maybe_null(b, v->args[k], depth + 1);
    v->aux = NULL;
    return r;
}

/* Edge from the current block to the block starting at target, carrying the current state. */
static void edge_to(Builder *b, int target)
{
    BState *s = &b->bs[target];
    IrBlock *to = s->block;
    int nv = b->nlp + b->sp;
    TR_ASSERT(to && s->depth == b->sp);
    if (!s->entry) {
        s->entry = ARENA_ARRAY(b->fn->arena, IrInstr *, nv + 1);
        /* phis unless this is the only edge and it comes first */
        s->phis = s->npreds > 1 || to->id < b->cur->id || target <= b->cur->pc;
        if (s->phis) {
            for (int k = 0; k < nv; k++) {
                IrInstr *p = ir_new(b->fn, IR_phi, 0, NULL);
                p->pc = target;
                ir_append(to, p);
                s->entry[k] = p;
            }
        } else {
            memcpy(s->entry, b->vals, sizeof(IrInstr *) * (size_t)nv);
        }
    }
    ir_add_edge(b->cur, to);
    s->nseen++;
    if (s->phis) {
        for (int k = 0; k < nv; k++) {
            IrInstr *p = s->entry[k];
            ir_phi_add(p, b->vals[k]);
            if (p->nargs == 1)
                p->type = b->vals[k]->type;
        }
    }
}

static void terminate(Builder *b, IrOp op, IrInstr *cond, int pc)
{
    IrInstr *args[1] = {cond};
    emit(b, op, cond ? 1 : 0, args, pc);
}

/* --- One instruction ------------------------------------------------------------------------ */

static IrInstr *call_s(Builder *b, IrOp op, int nargs, int imm, int pc)
{
    /* the operands are the top nargs stack values; stored from depth sp - nargs */
    IrInstr *i = emit_raise(b, op, nargs, &PEEK(nargs), pc);
    i->imm = imm;
    i->imm2 = b->sp - nargs;
    b->sp -= nargs;
    return i;
}

static IrInstr *truth(Builder *b, IrInstr *v, int pc)
{
    IrInstr *args[1] = {v};
    return emit_raise(b, IR_truth, 1, args, pc);
}

static bool build_instr(Builder *b, int pc, int op, int arg)
{
    IrInstr *a, *c, *v, *args[4];
    switch (op) {
    case OP_NOP: case OP_RESUME: case OP_CACHE: case OP_EXTENDED_ARG: case OP_PRECALL:
        return true;
    case OP_POP_TOP: b->sp--; return true;
    case OP_PUSH_NULL: PUSH(b->null0); return true;
    case OP_LOAD_CONST: PUSH(const_val(b, tr_as_tuple(b->co->consts)->items[arg], pc)); return true;
    case OP_COPY: v = PEEK(arg); PUSH(v); return true;
    case OP_SWAP: v = PEEK(1); PEEK(1) = PEEK(arg); PEEK(arg) = v; return true;
    case OP_LOAD_FAST:
        v = LOCAL(arg);
        if (maybe_null(b, v, 0)) {
            args[0] = v;
            v = emit_raise(b, IR_check_bound, 1, args, pc);
            v->imm = arg;
            LOCAL(arg) = v;
        }
        PUSH(v);
        return true;
    case OP_STORE_FAST: LOCAL(arg) = POP(); return true;
    case OP_DELETE_FAST:
        args[0] = LOCAL(arg);
        v = emit_raise(b, IR_check_bound, 1, args, pc);
        v->imm = arg;
        LOCAL(arg) = b->null0;
        return true;
    case OP_MAKE_CELL:
        args[0] = LOCAL(arg);
        LOCAL(arg) = emit_raise(b, IR_make_cell, 1, args, pc);
        return true;
    case OP_COPY_FREE_VARS: /* vm_native_run copies them; the entry block loads them */
        return true;
    case OP_LOAD_CLOSURE: PUSH(LOCAL(arg)); return true;
    case OP_LOAD_DEREF: case OP_LOAD_CLASSDEREF:
        args[0] = LOCAL(arg);
        v = emit_raise(b, op == OP_LOAD_DEREF ? IR_load_deref : IR_load_classderef, 1, args, pc);
        v->imm = arg;
        PUSH(v);
        return true;
    case OP_STORE_DEREF:
        args[0] = LOCAL(arg);
        args[1] = POP();
        emit(b, IR_store_deref, 2, args, pc);
        return true;
    case OP_DELETE_DEREF:
        args[0] = LOCAL(arg);
        emit_raise(b, IR_delete_deref, 1, args, pc)->imm = arg;
        return true;
    case OP_LOAD_GLOBAL:
        v = emit_raise(b, IR_load_global, 0, NULL, pc);
        v->imm = arg >> 1;
        if (arg & 1)
            PUSH(b->null0);
        PUSH(v);
        return true;
    case OP_STORE_GLOBAL: case OP_STORE_NAME:
        args[0] = PEEK(1);
        emit_raise(b, op == OP_STORE_GLOBAL ? IR_store_global : IR_store_name, 1, args,
                   pc)->imm = arg;
        b->sp--;
        return true;
    case OP_DELETE_GLOBAL: case OP_DELETE_NAME:
        emit_raise(b, op == OP_DELETE_GLOBAL ? IR_delete_global : IR_delete_name, 0, NULL,
                   pc)->imm = arg;
        return true;
    case OP_LOAD_NAME:
        v = emit_raise(b, IR_load_name, 0, NULL, pc);
        v->imm = arg;
        PUSH(v);
        return true;
    case OP_LOAD_ATTR:
        args[0] = PEEK(1);
        PEEK(1) = emit_raise(b, IR_load_attr, 1, args, pc);
        return true;
    case OP_LOAD_METHOD:
        args[0] = a = PEEK(1);
        v = emit_raise(b, IR_load_method, 1, args, pc);
        args[0] = v;
        args[1] = a;
        PEEK(1) = emit(b, IR_lm_slot0, 1, args, pc);
        PUSH(emit(b, IR_lm_slot1, 2, args, pc));
        return true;
    case OP_STORE_ATTR:
        args[0] = PEEK(1);
        args[1] = PEEK(2);
        emit_raise(b, IR_store_attr, 2, args, pc);
        b->sp -= 2;
        return true;
    case OP_DELETE_ATTR:
        args[0] = PEEK(1);
        emit_raise(b, IR_delete_attr, 1, args, pc)->imm = arg;
        b->sp--;
        return true;
    case OP_BINARY_SUBSCR:
        args[0] = PEEK(2);
        args[1] = PEEK(1);
        v = emit_raise(b, IR_getitem, 2, args, pc);
        b->sp -= 2;
        PUSH(v);
        return true;
    case OP_STORE_SUBSCR:
        args[0] = PEEK(2);
        args[1] = PEEK(1);
        args[2] = PEEK(3);
        emit_raise(b, IR_setitem, 3, args, pc);
        b->sp -= 3;
        return true;
    case OP_DELETE_SUBSCR:
        args[0] = PEEK(2);
        args[1] = PEEK(1);
        emit_raise(b, IR_delitem, 2, args, pc);
        b->sp -= 2;
        return true;
    case OP_BINARY_OP: case OP_COMPARE_OP:
        args[0] = PEEK(2);
        args[1] = PEEK(1);
        v = emit_raise(b, op == OP_BINARY_OP ? IR_binop : IR_compare, 2, args, pc);
        v->imm = arg;
        b->sp -= 2;
        PUSH(v);
        return true;
    case OP_IS_OP:
        args[0] = PEEK(2);
        args[1] = PEEK(1);
        c = emit(b, IR_eq_word, 2, args, pc);
        if (arg) {
            args[0] = c;
            c = emit(b, IR_not_b, 1, args, pc);
        }
        args[0] = c;
        b->sp -= 2;
        PUSH(emit(b, IR_bool_to_obj, 1, args, pc));
        return true;
    case OP_CONTAINS_OP:
        args[0] = PEEK(2);
        args[1] = PEEK(1);
        v = emit_raise(b, IR_contains, 2, args, pc);
        v->imm = arg;
        b->sp -= 2;
        PUSH(v);
        return true;
    case OP_UNARY_NEGATIVE: case OP_UNARY_POSITIVE: case OP_UNARY_INVERT:
        args[0] = PEEK(1);
        v = emit_raise(b, IR_unop, 1, args, pc);
        v->imm = op == OP_UNARY_NEGATIVE ? TR_UN_NEG : op == OP_UNARY_POSITIVE ? TR_UN_POS
                                                                                 : TR_UN_INVERT;
        PEEK(1) = v;
        return true;
    case OP_UNARY_NOT:
        args[0] = PEEK(1);
        PEEK(1) = emit_raise(b, IR_not_obj, 1, args, pc);
        return true;
    case OP_GET_ITER:
        args[0] = PEEK(1);
        PEEK(1) = emit_raise(b, IR_get_iter, 1, args, pc);
        return true;
    case OP_BUILD_TUPLE: PUSH(call_s(b, IR_build_tuple, arg, arg, pc)); return true;
    case OP_BUILD_LIST: PUSH(call_s(b, IR_build_list, arg, arg, pc)); return true;
    case OP_BUILD_SET: PUSH(call_s(b, IR_build_set, arg, arg, pc)); return true;
    case OP_BUILD_STRING: PUSH(call_s(b, IR_build_string, arg, arg, pc)); return true;
    case OP_BUILD_MAP: PUSH(call_s(b, IR_build_map, 2 * arg, arg, pc)); return true;
    case OP_BUILD_CONST_KEY_MAP: PUSH(call_s(b, IR_build_const_key_map, arg + 1, arg, pc)); return true;
    case OP_BUILD_SLICE: PUSH(call_s(b, IR_build_slice, arg, arg, pc)); return true;
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
    case OP_DICT_UPDATE: {
        static const uint8_t irop[] = {[OP_LIST_APPEND] = IR_list_append,
                                       [OP_SET_ADD] = IR_set_add,
                                       [OP_LIST_EXTEND] = IR_list_extend,
                                       [OP_SET_UPDATE] = IR_set_update,
                                       [OP_DICT_UPDATE] = IR_dict_update};
        args[0] = PEEK(arg + 1);
        args[1] = PEEK(1);
        emit_raise(b, irop[op], 2, args, pc);
        b->sp--;
        return true;
    }
    case OP_MAP_ADD:
        args[0] = PEEK(arg + 2);
        args[1] = PEEK(2);
        args[2] = PEEK(1);
        emit_raise(b, IR_map_add, 3, args, pc);
        b->sp -= 2;
        return true;
    case OP_DICT_MERGE:
        args[0] = PEEK(arg + 1);
        args[1] = PEEK(1);
        args[2] = PEEK(arg + 3);
        emit_raise(b, IR_dict_merge, 3, args, pc);
        b->sp--;
        return true;
    case OP_LIST_TO_TUPLE:
        args[0] = PEEK(1);
        PEEK(1) = emit_raise(b, IR_list_to_tuple, 1, args, pc);
        return true;
    case OP_UNPACK_SEQUENCE: case OP_UNPACK_EX: {
        int cnt = op == OP_UNPACK_SEQUENCE ? arg : (arg & 0xFF) + (arg >> 8) + 1;
        args[0] = PEEK(1);
        v = emit_raise(b, IR_unpack, 1, args, pc);
        v->imm = op == OP_UNPACK_SEQUENCE ? arg : (arg | 1 << 16);
        b->sp--;
        v->imm2 = b->sp;
        int base = b->sp;
        for (int k = 0; k < cnt; k++) {
            IrInstr *s = emit(b, IR_stack_slot, 0, NULL, pc);
            s->imm = base + k;
            PUSH(s);
        }
        return true;
    }
    case OP_FORMAT_VALUE: {
        int na = (arg & 4) ? 2 : 1;
        args[0] = PEEK(na);
        args[1] = na == 2 ? PEEK(1) : b->null0;
        v = emit_raise(b, IR_format_value, 2, args, pc);
        v->imm = arg;
        b->sp -= na;
        PUSH(v);
        return true;
    }
    case OP_MAKE_FUNCTION: {
        int na = 1 + (arg & 1) + !!(arg & 2) + !!(arg & 4) + !!(arg & 8);
        PUSH(call_s(b, IR_make_function, na, arg, pc));
        return true;
    }
    case OP_KW_NAMES:
        b->kwnames_idx = arg;
        return true;
    case OP_CALL: {
        int kw = b->kwnames_idx;
        b->kwnames_idx = -1;
        v = call_s(b, IR_call, arg + 2, kw, pc);
        PUSH(v);
        return true;
    }
    case OP_CALL_FUNCTION_EX: {
        int na = 3 + (arg & 1);
        PUSH(call_s(b, IR_call_ex, na, arg & 1, pc));
        return true;
    }
    case OP_RETURN_VALUE:
        args[0] = POP();
        emit(b, IR_ret, 1, args, pc);
        return true;
    case OP_RAISE_VARARGS:
        call_s(b, IR_raise, arg, arg, pc);
        return true;
    case OP_IMPORT_NAME:
        args[0] = PEEK(2);
        args[1] = PEEK(1);
        v = emit_raise(b, IR_import_name, 2, args, pc);
        v->imm = arg;
        b->sp -= 2;
        PUSH(v);
        return true;
    case OP_IMPORT_FROM:
        args[0] = PEEK(1);
        v = emit_raise(b, IR_import_from, 1, args, pc);
        v->imm = arg;
        PUSH(v);
        return true;
    case OP_IMPORT_STAR:
        args[0] = PEEK(1);
        emit_raise(b, IR_import_star, 1, args, pc);
        b->sp--;
        return true;
    case OP_LOAD_BUILD_CLASS: PUSH(emit_raise(b, IR_load_build_class, 0, NULL, pc)); return true;
    case OP_LOAD_ASSERTION_ERROR: PUSH(emit(b, IR_load_assertion_error, 0, NULL, pc)); return true;
    case OP_SETUP_ANNOTATIONS: emit_raise(b, IR_setup_annotations, 0, NULL, pc); return true;
    case OP_PRINT_EXPR:
        args[0] = PEEK(1);
        emit_raise(b, IR_print_expr, 1, args, pc);
        b->sp--;
        return true;
    case OP_GET_LEN:
        args[0] = PEEK(1);
        PUSH(emit_raise(b, IR_get_len, 1, args, pc));
        return true;
    case OP_BEFORE_WITH:
        args[0] = PEEK(1);
        v = emit_raise(b, IR_before_with, 1, args, pc);
        v->imm2 = b->sp - 1;
        c = emit(b, IR_stack_slot, 0, NULL, pc);
        c->imm = b->sp - 1;
        PEEK(1) = c;
        PUSH(v);
        return true;
    default:
        b->why = bc_op_names[op];
        return false;
    }
}

/* Ends the current block with jump op at pc (target arg), or falls through to pc + 1. */
static void build_jump(Builder *b, int pc, int op, int arg)
{
    IrInstr *args[2], *c;
    switch (op) {
    case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD: case OP_JUMP_BACKWARD_NO_INTERRUPT:
        terminate(b, IR_jump, NULL, pc);
        edge_to(b, arg);
        return;
    case OP_POP_JUMP_FORWARD_IF_FALSE: case OP_POP_JUMP_BACKWARD_IF_FALSE:
    case OP_POP_JUMP_FORWARD_IF_TRUE: case OP_POP_JUMP_BACKWARD_IF_TRUE:
    case OP_POP_JUMP_FORWARD_IF_NONE: case OP_POP_JUMP_BACKWARD_IF_NONE:
    case OP_POP_JUMP_FORWARD_IF_NOT_NONE: case OP_POP_JUMP_BACKWARD_IF_NOT_NONE: {
        bool none = op == OP_POP_JUMP_FORWARD_IF_NONE || op == OP_POP_JUMP_BACKWARD_IF_NONE ||
                    op == OP_POP_JUMP_FORWARD_IF_NOT_NONE ||
                    op == OP_POP_JUMP_BACKWARD_IF_NOT_NONE;
        bool jump_if = op == OP_POP_JUMP_FORWARD_IF_TRUE || op == OP_POP_JUMP_BACKWARD_IF_TRUE ||
                       op == OP_POP_JUMP_FORWARD_IF_NONE || op == OP_POP_JUMP_BACKWARD_IF_NONE;
        if (none) {
            args[0] = PEEK(1);
            args[1] = const_val(b, TR_NONE, pc);
            c = emit(b, IR_eq_word, 2, args, pc);
        } else {
            c = truth(b, PEEK(1), pc);
        }
        b->sp--;
        terminate(b, IR_branch, c, pc);
        /* succ[0] is taken when c is true */
        if (jump_if) {
            edge_to(b, arg);
            edge_to(b, pc + 1);
        } else {
            edge_to(b, pc + 1);
            edge_to(b, arg);
        }
        return;
    }
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: {
        c = truth(b, PEEK(1), pc);
        terminate(b, IR_branch, c, pc);
        bool jump_if = op == OP_JUMP_IF_TRUE_OR_POP;
        /* the jump edge keeps the value; the fall-through pops it */
        IrInstr *top = PEEK(1);
        if (jump_if) {
            edge_to(b, arg);
            b->sp--;
            edge_to(b, pc + 1);
        } else {
            b->sp--;
            edge_to(b, pc + 1);
            PUSH(top);
            edge_to(b, arg);
        }
        return;
    }
    case OP_FOR_ITER: {
        args[0] = PEEK(1);
        IrInstr *v = emit_raise(b, IR_for_next, 1, args, pc);
        args[0] = v;
        c = emit(b, IR_is_stop, 1, args, pc);
        terminate(b, IR_branch, c, pc);
        b->sp--;
        edge_to(b, arg);       /* exhausted: the iterator is popped */
        b->sp++;
        PUSH(v);
        edge_to(b, pc + 1);
        return;
    }
    default:
        TR_UNREACHABLE();
    }
}

/* Replaces phis whose operands are all one value (or the phi itself), until none is left. */
static void remove_trivial_phis(IrFunc *fn)
{
    for (bool changed = true; changed;) {
        changed = false;
        for (int bi = 0; bi < fn->nblocks; bi++) {
            IrInstr *next;
            for (IrInstr *p = fn->blocks[bi]->first; p && p->op == IR_phi; p = next) {
                next = p->next;
                IrInstr *same = NULL;
                bool trivial = true;
                for (int k = 0; k < p->nargs; k++) {
                    IrInstr *a = p->args[k];
                    if (a == p || a == same)
                        continue;
                    if (same) {
                        trivial = false;
                        break;
                    }
                    same = a;
                }
                if (!trivial || !same)
                    continue;
                ir_replace_uses(fn, p, same);
                ir_remove(p);
                changed = true;
            }
        }
    }
}

/* Phi types: the type of their operands (all tagged from the builder). */
static void type_phis(IrFunc *fn)
{
    for (int bi = 0; bi < fn->nblocks; bi++)
        for (IrInstr *p = fn->blocks[bi]->first; p && p->op == IR_phi; p = p->next)
            p->type = IT_T;
}

IrFunc *ir_build(Arena *a, CodeObj *co, const char **why)
{
    if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR)) {
        *why = "generators and coroutines run in the interpreter";
        return NULL;
    }
    if (co->ncode > 50000) { /* generated straight-line code: not worth the compile time */
        *why = "more than 50000 instructions";
        return NULL;
    }
    /* these read the frame's locals, which compiled code keeps in registers */
    TrTuple *names = tr_as_tuple(co->names);
    for (int64_t k = 0; k < names->len; k++) {
        const char *s = tr_str_utf8(names->items[k]);
        if (!strcmp(s, "locals") || !strcmp(s, "vars") || !strcmp(s, "dir") ||
            !strcmp(s, "_getframe") || !strcmp(s, "eval") || !strcmp(s, "exec")) {
            *why = "uses the frame's locals (locals, vars, dir, eval, exec)";
            return NULL;
        }
    }
    Builder bb = {0}, *b = &bb;
    b->fn = ir_func_new(a, co);
    b->co = co;
    b->n = co->ncode;
    b->nlp = co->nlocalsplus;
    b->kwnames_idx = -1;
    b->code = ARENA_ARRAY(a, BcWord, b->n + 1);
    for (int i = 0; i < b->n; i++)
        b->code[i] = vm_generic_word(co->code[i]);
    b->bs = ARENA_ARRAY(a, BState, b->n + 1);
    b->vals = ARENA_ARRAY(a, IrInstr *, b->nlp + co->stacksize + 4);

    /* the entry block: arguments from the frame, other locals unbound */
    IrBlock *entry = ir_block_new(b->fn, -1);
    b->cur = entry;
    b->null0 = const_val(b, 0, 0);
    int nargs = co->argcount + co->kwonlyargcount + !!(co->flags & CO_VARARGS) +
                !!(co->flags & CO_VARKEYWORDS);
    for (int k = 0; k < b->nlp; k++) {
        if (k < nargs || (co->localspluskinds[k] & CO_FAST_FREE)) {
            IrInstr *v = emit(b, IR_entry_local, 0, NULL, 0);
            v->imm = k;
            LOCAL(k) = v;
        } else {
            LOCAL(k) = b->null0;
        }
    }
    if (!scan(b)) {
        *why = b->why;
        return NULL;
    }
    terminate(b, IR_jump, NULL, 0);
    b->sp = 0;
    edge_to(b, 0);

    for (int start = 0; start < b->n; start++) {
        BState *s = &b->bs[start];
        if (!s->block)
            continue;
        b->cur = s->block;
        b->sp = s->depth;
        TR_ASSERT(s->entry);
        memcpy(b->vals, s->entry, sizeof(IrInstr *) * (size_t)(b->nlp + b->sp));
        b->kwnames_idx = -1;
        for (int pc = start;; pc++) {
            if (pc > start && b->bs[pc].block) { /* fall through into the next block */
                terminate(b, IR_jump, NULL, pc);
                edge_to(b, pc);
                break;
            }
            int op = BC_OP(b->code[pc]), arg = (int)BC_ARG(b->code[pc]);
            if (is_jump(op)) {
                build_jump(b, pc, op, arg);
                break;
            }
            if (!build_instr(b, pc, op, arg)) {
                *why = b->why;
                return NULL;
            }
            if (op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS)
                break;
        }
    }
    remove_trivial_phis(b->fn);
    type_phis(b->fn);
    ir_order(b->fn);
    return b->fn;
}
