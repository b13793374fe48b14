/*
 * compile_flow.c -- CPython 3.11's assemble(): the control-flow-graph passes that decide the
 * final bytecode (constant-jump folding, jump threading, tuple folding, SWAP elimination,
 * dead-block removal, exit-block copying, NOP removal, line-number propagation), then stack
 * depth, the exception table and the layout into a CodeObj. Every pass mirrors CPython's
 * so that `trident dis` matches `python3 -m dis` instruction for instruction.
 */
#include "bytecode/compile_internal.h"

#include "runtime/runtime.h"

#include <limits.h>
#include <string.h>

#define MAX_COPY_SIZE 4

/* --- Instruction properties ----------------------------------------------------------- */

static bool is_jump(const Instr *i)
{
    if (i->op >= PS_JUMP && i->op <= PS_POP_JUMP_IF_NOT_NONE)
        return true;
    switch (i->op) {
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER: case OP_SEND:
    case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD: case OP_JUMP_BACKWARD_NO_INTERRUPT:
    case OP_POP_JUMP_FORWARD_IF_FALSE: case OP_POP_JUMP_FORWARD_IF_TRUE:
    case OP_POP_JUMP_FORWARD_IF_NONE: case OP_POP_JUMP_FORWARD_IF_NOT_NONE:
    case OP_POP_JUMP_BACKWARD_IF_FALSE: case OP_POP_JUMP_BACKWARD_IF_TRUE:
    case OP_POP_JUMP_BACKWARD_IF_NONE: case OP_POP_JUMP_BACKWARD_IF_NOT_NONE:
        return true;
    default:
        return false;
    }
}

static bool is_block_push(const Instr *i)
{
    return i->op == PS_SETUP_FINALLY || i->op == PS_SETUP_CLEANUP || i->op == PS_SETUP_WITH;
}

static bool is_uncond_jump(int op)
{
    return op == PS_JUMP || op == PS_JUMP_NO_INTERRUPT || op == OP_JUMP_FORWARD ||
           op == OP_JUMP_BACKWARD || op == OP_JUMP_BACKWARD_NO_INTERRUPT;
}

static bool is_scope_exit(int op)
{
    return op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_RERAISE;
}

static Instr *last_instr(Block *b) { return b->n ? &b->instr[b->n - 1] : NULL; }

static bool nofallthrough(Block *b)
{
    Instr *l = last_instr(b);
    return l && (is_uncond_jump(l->op) || is_scope_exit(l->op));
}

static bool is_exit_block(Block *b)
{
    Instr *l = last_instr(b);
    return l && is_scope_exit(l->op);
}

int flow_stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case OP_NOP: case OP_EXTENDED_ARG: case OP_RESUME: case OP_CACHE: return 0;
    case OP_POP_TOP: return -1;
    case OP_PUSH_NULL: return 1;
    case OP_UNARY_POSITIVE: case OP_UNARY_NEGATIVE: case OP_UNARY_NOT: case OP_UNARY_INVERT:
        return 0;
    case OP_SET_ADD: case OP_LIST_APPEND: return -1;
    case OP_MAP_ADD: return -2;
    case OP_BINARY_SUBSCR: return -1;
    case OP_STORE_SUBSCR: return -3;
    case OP_DELETE_SUBSCR: return -2;
    case OP_GET_ITER: return 0;
    case OP_PRINT_EXPR: return -1;
    case OP_LOAD_BUILD_CLASS: return 1;
    case OP_RETURN_VALUE: return -1;
    case OP_IMPORT_STAR: return -1;
    case OP_SETUP_ANNOTATIONS: return 0;
    case OP_ASYNC_GEN_WRAP: case OP_YIELD_VALUE: return 0;
    case PS_POP_BLOCK: return 0;
    case OP_POP_EXCEPT: return -1;
    case OP_STORE_NAME: return -1;
    case OP_DELETE_NAME: return 0;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_SEND: return jump ? -1 : 0;
    case OP_STORE_ATTR: return -2;
    case OP_DELETE_ATTR: return -1;
    case OP_STORE_GLOBAL: return -1;
    case OP_DELETE_GLOBAL: return 0;
    case OP_LOAD_CONST: case OP_LOAD_NAME: return 1;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP: return -arg;
    case OP_LOAD_ATTR: return 0;
    case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP: return -1;
    case OP_CHECK_EXC_MATCH: case OP_CHECK_EG_MATCH: return 0;
    case OP_IMPORT_NAME: return -1;
    case OP_IMPORT_FROM: return 1;
    case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD: case PS_JUMP: case OP_JUMP_BACKWARD_NO_INTERRUPT:
    case PS_JUMP_NO_INTERRUPT:
        return 0;
    case OP_JUMP_IF_TRUE_OR_POP: case OP_JUMP_IF_FALSE_OR_POP: return jump ? 0 : -1;
    case PS_POP_JUMP_IF_FALSE: case PS_POP_JUMP_IF_TRUE: case PS_POP_JUMP_IF_NONE:
    case PS_POP_JUMP_IF_NOT_NONE: case OP_POP_JUMP_FORWARD_IF_FALSE:
    case OP_POP_JUMP_FORWARD_IF_TRUE: case OP_POP_JUMP_FORWARD_IF_NONE:
    case OP_POP_JUMP_FORWARD_IF_NOT_NONE: case OP_POP_JUMP_BACKWARD_IF_FALSE:
    case OP_POP_JUMP_BACKWARD_IF_TRUE: case OP_POP_JUMP_BACKWARD_IF_NONE:
    case OP_POP_JUMP_BACKWARD_IF_NOT_NONE:
        return -1;
    case OP_LOAD_GLOBAL: return (arg & 1) + 1;
    case PS_SETUP_FINALLY: return jump ? 1 : 0;
    case PS_SETUP_CLEANUP: return jump ? 2 : 0;
    case PS_SETUP_WITH: return jump ? 1 : 0;
    case OP_PREP_RERAISE_STAR: return -1;
    case OP_RERAISE: return -1;
    case OP_PUSH_EXC_INFO: return 1;
    case OP_WITH_EXCEPT_START: return 1;
    case OP_LOAD_FAST: return 1;
    case OP_STORE_FAST: return -1;
    case OP_DELETE_FAST: return 0;
    case OP_RETURN_GENERATOR: return 0;
    case OP_RAISE_VARARGS: return -arg;
    case OP_KW_NAMES: return 0;
    case OP_PRECALL: return 0;
    case OP_CALL: return -1 - arg;
    case OP_CALL_FUNCTION_EX: return -2 - ((arg & 1) != 0);
    case OP_MAKE_FUNCTION:
        return -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0) - ((arg & 8) != 0);
    case OP_BUILD_SLICE: return arg == 3 ? -2 : -1;
    case OP_MAKE_CELL: case OP_COPY_FREE_VARS: return 0;
    case OP_LOAD_CLOSURE: case OP_LOAD_DEREF: case OP_LOAD_CLASSDEREF: return 1;
    case OP_STORE_DEREF: return -1;
    case OP_DELETE_DEREF: return 0;
    case OP_GET_AWAITABLE: return 0;
    case OP_BEFORE_ASYNC_WITH: case OP_BEFORE_WITH: return 1;
    case OP_GET_AITER: return 0;
    case OP_GET_ANEXT: return 1;
    case OP_GET_YIELD_FROM_ITER: return 0;
    case OP_END_ASYNC_FOR: return -2;
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_LOAD_METHOD: return 1;
    case OP_LOAD_ASSERTION_ERROR: return 1;
    case OP_LIST_TO_TUPLE: return 0;
    case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_MERGE: case OP_DICT_UPDATE: return -1;
    case OP_MATCH_CLASS: return -2;
    case OP_GET_LEN: case OP_MATCH_MAPPING: case OP_MATCH_SEQUENCE: case OP_MATCH_KEYS: return 1;
    case OP_COPY: return 1;
    case OP_BINARY_OP: return -1;
    case OP_SWAP: return 0;
    default: return 0;
    }
}

/* --- Block helpers ------------------------------------------------------------------------ */

static void block_append(Compiler *c, Block *b, const Instr *in)
{
    if (b->n == b->cap) {
        int nc = b->cap ? b->cap * 2 : 8;
        Instr *ni = ARENA_ARRAY(c->a, Instr, nc);
        if (b->n)
            memcpy(ni, b->instr, sizeof(Instr) * (size_t)b->n);
        b->instr = ni;
        b->cap = nc;
    }
    b->instr[b->n++] = *in;
}

static void block_insert(Compiler *c, Block *b, int pos, const Instr *in)
{
    block_append(c, b, in);
    memmove(&b->instr[pos + 1], &b->instr[pos], sizeof(Instr) * (size_t)(b->n - 1 - pos));
    b->instr[pos] = *in;
}

static void skip_empty_targets(Block *b)
{
    for (int i = 0; i < b->n; i++) {
        Instr *in = &b->instr[i];
        if (is_jump(in) || is_block_push(in))
            while (in->target->n == 0 && in->target->next)
                in->target = in->target->next;
    }
}

/* If this block ends with an unconditional jump to a small exit block, copy the exit. */
static void extend_block(Compiler *c, Block *b)
{
    Instr *last = last_instr(b);
    if (!last || !is_uncond_jump(last->op) || last->op == PS_JUMP_NO_INTERRUPT)
        return;
    Block *t = last->target;
    if (is_exit_block(t) && t->n <= MAX_COPY_SIZE) {
        for (int i = 0; i < t->n; i++)
            if (t->instr[i].line >= 0)
                return; /* only blocks without a line (implicit `return None`) are copied */
        last->op = OP_NOP;
        for (int i = 0; i < t->n; i++)
            block_append(c, b, &t->instr[i]);
    }
}

static void clean_block(Block *b)
{
    int dest = 0, prev_line = -1;
    for (int src = 0; src < b->n; src++) {
        int line = b->instr[src].line;
        if (b->instr[src].op == OP_NOP) {
            if (line < 0)
                continue;
            if (prev_line == line)
                continue;
            if (src < b->n - 1) {
                int next_line = b->instr[src + 1].line;
                if (next_line < 0 || next_line == line) {
                    b->instr[src + 1].line = line;
                    continue;
                }
            } else {
                Block *nx = b->next;
                while (nx && nx->n == 0)
                    nx = nx->next;
                if (nx && line == nx->instr[0].line)
                    continue;
            }
        }
        if (dest != src)
            b->instr[dest] = b->instr[src];
        dest++;
        prev_line = line;
    }
    b->n = dest;
}

/* --- optimize_basic_block ------------------------------------------------------------------ */

typedef struct Consts {
    Compiler *c;
    Unit *u;
} Consts;

static int jump_thread(Instr *in, Instr *target, int op)
{
    if (in->line == target->line && in->target != target->target) {
        in->target = target->target;
        in->op = op;
        return 1;
    }
    return 0;
}

static void fold_tuple_on_constants(Compiler *c, Instr *in, int n)
{
    for (int i = 0; i < n; i++)
        if (in[i].op != OP_LOAD_CONST)
            return;
    TrValue t = tr_tuple_new(n);
    for (int i = 0; i < n; i++)
        tr_as_tuple(t)->items[i] = c->u->consts[in[i].arg];
    int index = cc_add_const(c, t);
    for (int i = 0; i < n; i++)
        in[i].op = OP_NOP;
    in[n].op = OP_LOAD_CONST;
    in[n].arg = index;
}

#define SWAPPABLE(op) ((op) == OP_STORE_FAST || (op) == OP_POP_TOP)
#define VISITED (-1)

static void swaptimize(Compiler *c, Block *b, int *ix)
{
    Instr *ins = &b->instr[*ix];
    int depth = ins[0].arg, len = 0;
    bool more = false;
    int limit = b->n - *ix;
    while (++len < limit) {
        int op = ins[len].op;
        if (op == OP_SWAP) {
            if (ins[len].arg > depth)
                depth = ins[len].arg;
            more = true;
        } else if (op != OP_NOP) {
            break;
        }
    }
    if (!more)
        return;
    int *stack = ARENA_ARRAY(c->a, int, depth);
    for (int i = 0; i < depth; i++)
        stack[i] = i;
    for (int i = 0; i < len; i++) {
        if (ins[i].op == OP_SWAP) {
            int arg = ins[i].arg, top = stack[0];
            stack[0] = stack[arg - 1];
            stack[arg - 1] = top;
        }
    }
    int current = len - 1;
    for (int i = 0; i < depth; i++) {
        if (stack[i] == VISITED || stack[i] == i)
            continue;
        int j = i;
        for (;;) {
            if (j) {
                ins[current].op = OP_SWAP;
                ins[current--].arg = j + 1;
            }
            if (stack[j] == VISITED)
                break;
            int next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while (0 <= current)
        ins[current--].op = OP_NOP;
    *ix += len - 1;
}

static int next_swappable(Block *b, int i, int line)
{
    while (++i < b->n) {
        Instr *in = &b->instr[i];
        if (0 <= line && in->line != line)
            return -1;
        if (in->op == OP_NOP)
            continue;
        if (SWAPPABLE(in->op))
            return i;
        return -1;
    }
    return -1;
}

static void apply_static_swaps(Block *b, int i)
{
    for (; 0 <= i; i--) {
        Instr *swap = &b->instr[i];
        if (swap->op != OP_SWAP) {
            if (swap->op == OP_NOP || SWAPPABLE(swap->op))
                continue;
            return;
        }
        int j = next_swappable(b, i, -1);
        if (j < 0)
            return;
        int k = j, line = b->instr[j].line;
        for (int count = swap->arg - 1; 0 < count; count--) {
            k = next_swappable(b, k, line);
            if (k < 0)
                return;
        }
        swap->op = OP_NOP;
        Instr tmp = b->instr[j];
        b->instr[j] = b->instr[k];
        b->instr[k] = tmp;
    }
}

static void optimize_block(Compiler *c, Block *b)
{
    Instr nop = {.op = OP_NOP, .line = -1};
    for (int i = 0; i < b->n; i++) {
        Instr *in = &b->instr[i];
        int arg = in->arg;
        int nextop = i + 1 < b->n ? b->instr[i + 1].op : 0;
        Instr *target;
        if (is_jump(in) || is_block_push(in)) {
            while (in->target->n == 0)
                in->target = in->target->next;
            target = &in->target->instr[0];
        } else {
            target = &nop;
        }
        switch (in->op) {
        case OP_LOAD_CONST:
            switch (nextop) {
            case PS_POP_JUMP_IF_FALSE:
            case PS_POP_JUMP_IF_TRUE: {
                bool t = cc_const_truth(c->u->consts[arg]);
                in->op = OP_NOP;
                bool jump_if_true = nextop == PS_POP_JUMP_IF_TRUE;
                b->instr[i + 1].op = t == jump_if_true ? PS_JUMP : OP_NOP;
                break;
            }
            case OP_JUMP_IF_FALSE_OR_POP:
            case OP_JUMP_IF_TRUE_OR_POP: {
                bool t = cc_const_truth(c->u->consts[arg]);
                bool jump_if_true = nextop == OP_JUMP_IF_TRUE_OR_POP;
                if (t == jump_if_true) {
                    b->instr[i + 1].op = PS_JUMP;
                } else {
                    in->op = OP_NOP;
                    b->instr[i + 1].op = OP_NOP;
                }
                break;
            }
            case OP_IS_OP: {
                int jump_op = i + 2 < b->n ? b->instr[i + 2].op : 0;
                if (c->u->consts[arg] == TR_NONE &&
                    (jump_op == PS_POP_JUMP_IF_FALSE || jump_op == PS_POP_JUMP_IF_TRUE)) {
                    int nextarg = b->instr[i + 1].arg;
                    in->op = OP_NOP;
                    b->instr[i + 1].op = OP_NOP;
                    b->instr[i + 2].op = (nextarg ^ (jump_op == PS_POP_JUMP_IF_FALSE))
                                             ? PS_POP_JUMP_IF_NOT_NONE
                                             : PS_POP_JUMP_IF_NONE;
                }
                break;
            }
            }
            break;
        case OP_BUILD_TUPLE:
            if (nextop == OP_UNPACK_SEQUENCE && arg == b->instr[i + 1].arg) {
                if (arg == 1) {
                    in->op = OP_NOP;
                    b->instr[i + 1].op = OP_NOP;
                    continue;
                }
                if (arg == 2 || arg == 3) {
                    in->op = OP_NOP;
                    b->instr[i + 1].op = OP_SWAP;
                    continue;
                }
            }
            if (i >= arg)
                fold_tuple_on_constants(c, in - arg, arg);
            break;
        case OP_JUMP_IF_FALSE_OR_POP:
            switch (target->op) {
            case PS_POP_JUMP_IF_FALSE:
                i -= jump_thread(in, target, PS_POP_JUMP_IF_FALSE);
                break;
            case PS_JUMP:
            case OP_JUMP_IF_FALSE_OR_POP:
                i -= jump_thread(in, target, OP_JUMP_IF_FALSE_OR_POP);
                break;
            case OP_JUMP_IF_TRUE_OR_POP:
            case PS_POP_JUMP_IF_TRUE:
                if (in->line == target->line) {
                    in->op = PS_POP_JUMP_IF_FALSE;
                    in->target = in->target->next;
                    --i;
                }
                break;
            }
            break;
        case OP_JUMP_IF_TRUE_OR_POP:
            switch (target->op) {
            case PS_POP_JUMP_IF_TRUE:
                i -= jump_thread(in, target, PS_POP_JUMP_IF_TRUE);
                break;
            case PS_JUMP:
            case OP_JUMP_IF_TRUE_OR_POP:
                i -= jump_thread(in, target, OP_JUMP_IF_TRUE_OR_POP);
                break;
            case OP_JUMP_IF_FALSE_OR_POP:
            case PS_POP_JUMP_IF_FALSE:
                if (in->line == target->line) {
                    in->op = PS_POP_JUMP_IF_TRUE;
                    in->target = in->target->next;
                    --i;
                }
                break;
            }
            break;
        case PS_POP_JUMP_IF_NOT_NONE:
        case PS_POP_JUMP_IF_NONE:
        case PS_POP_JUMP_IF_FALSE:
        case PS_POP_JUMP_IF_TRUE:
        case PS_JUMP:
            if (target->op == PS_JUMP)
                i -= jump_thread(in, target, in->op);
            break;
        case OP_SWAP:
            if (arg == 1) {
                in->op = OP_NOP;
                break;
            }
            swaptimize(c, b, &i);
            apply_static_swaps(b, i);
            break;
        case OP_PUSH_NULL:
            if (nextop == OP_LOAD_GLOBAL && (b->instr[i + 1].arg & 1) == 0) {
                in->op = OP_NOP;
                in->arg = 0;
                b->instr[i + 1].arg |= 1;
            }
            break;
        default:
            break;
        }
    }
}

static void mark_reachable(Compiler *c, Block *entry, int nblocks)
{
    Block **stack = ARENA_ARRAY(c->a, Block *, nblocks + 1), **sp = stack;
    entry->predecessors = 1;
    *sp++ = entry;
    while (sp > stack) {
        Block *b = *--sp;
        if (b->next && !nofallthrough(b)) {
            if (b->next->predecessors == 0)
                *sp++ = b->next;
            b->next->predecessors++;
        }
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instr[i];
            if (is_jump(in) || is_block_push(in)) {
                Block *t = in->target;
                if (t->predecessors == 0)
                    *sp++ = t;
                t->predecessors++;
            }
        }
    }
}

static void eliminate_empty_blocks(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        Block *nx = b->next;
        if (nx) {
            while (nx->n == 0 && nx->next)
                nx = nx->next;
            b->next = nx;
        }
    }
    for (Block *b = entry; b; b = b->next)
        skip_empty_targets(b);
}

static void optimize_cfg(Compiler *c, Unit *u, Block *entry, int nblocks)
{
    for (Block *b = entry; b; b = b->next) {
        optimize_block(c, b);
        clean_block(b);
    }
    for (Block *b = u->blocks; b; b = b->alloc_next)
        extend_block(c, b);
    mark_reachable(c, entry, nblocks);
    for (Block *b = entry; b; b = b->next)
        if (b->predecessors == 0)
            b->n = 0;
    eliminate_empty_blocks(entry);
    for (Block *b = entry; b; b = b->next)
        clean_block(b);
    bool maybe_empty = false;
    for (Block *b = entry; b; b = b->next) {
        Instr *l = last_instr(b);
        if (l && (l->op == PS_JUMP || l->op == PS_JUMP_NO_INTERRUPT) && l->target == b->next) {
            l->op = OP_NOP;
            maybe_empty = true;
        }
    }
    if (maybe_empty)
        eliminate_empty_blocks(entry);
}

/* --- Line numbers -------------------------------------------------------------------------- */

static bool is_exit_without_lineno(Block *b)
{
    if (!is_exit_block(b))
        return false;
    for (int i = 0; i < b->n; i++)
        if (b->instr[i].line >= 0)
            return false;
    return true;
}

static void duplicate_exits_without_lineno(Compiler *c, Unit *u)
{
    for (Block *b = u->blocks; b; b = b->alloc_next) {
        Instr *l = last_instr(b);
        if (l && is_jump(l)) {
            Block *t = l->target;
            if (is_exit_without_lineno(t) && t->predecessors > 1) {
                Block *nt = cc_new_block(c);
                for (int i = 0; i < t->n; i++)
                    block_append(c, nt, &t->instr[i]);
                nt->instr[0].line = l->line;
                l->target = nt;
                t->predecessors--;
                nt->predecessors = 1;
                nt->next = t->next;
                t->next = nt;
            }
        }
    }
    for (Block *b = u->blocks; b; b = b->alloc_next)
        while (b->next && b->next->n == 0)
            b->next = b->next->next;
    for (Block *b = u->blocks; b; b = b->alloc_next)
        if (!nofallthrough(b) && b->next && b->n > 0 && is_exit_without_lineno(b->next))
            b->next->instr[0].line = b->instr[b->n - 1].line;
}

static void propagate_line_numbers(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        if (b->n == 0)
            continue;
        int prev = -1;
        for (int i = 0; i < b->n; i++) {
            if (b->instr[i].line < 0)
                b->instr[i].line = prev;
            else
                prev = b->instr[i].line;
        }
        if (!nofallthrough(b) && b->next && b->next->predecessors == 1 && b->next->n &&
            b->next->instr[0].line < 0)
            b->next->instr[0].line = prev;
        Instr *l = last_instr(b);
        if (is_jump(l)) {
            Block *t = l->target;
            if (t->predecessors == 1 && t->n && t->instr[0].line < 0)
                t->instr[0].line = prev;
        }
    }
}

static void guarantee_lineno_for_exits(Block *entry, int firstlineno)
{
    int line = firstlineno;
    for (Block *b = entry; b; b = b->next) {
        Instr *l = last_instr(b);
        if (!l)
            continue;
        if (l->line < 0) {
            if (l->op == OP_RETURN_VALUE)
                for (int i = 0; i < b->n; i++)
                    b->instr[i].line = line;
        } else {
            line = l->line;
        }
    }
}

/* --- Stack depth and exception table ---------------------------------------------------- */

static int stackdepth(Compiler *c, Unit *u, Block *entry, int nblocks)
{
    for (Block *b = u->blocks; b; b = b->alloc_next)
        b->startdepth = INT_MIN;
    Block **stack = ARENA_ARRAY(c->a, Block *, nblocks + 8), **sp = stack;
    int maxdepth = 0;
#define PUSH(blk, d)                                                                               \
    do {                                                                                           \
        if ((blk)->startdepth < (d) && (blk)->startdepth < 100) {                                  \
            (blk)->startdepth = (d);                                                               \
            *sp++ = (blk);                                                                         \
        }                                                                                          \
    } while (0)
    int start = (u->ste->generator || u->ste->coroutine) ? 1 : 0;
    entry->startdepth = start;
    *sp++ = entry;
    while (sp != stack) {
        Block *b = *--sp;
        int depth = b->startdepth;
        Block *next = b->next;
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instr[i];
            int nd = depth + flow_stack_effect(in->op, in->arg, 0);
            if (nd > maxdepth)
                maxdepth = nd;
            if (is_jump(in) || is_block_push(in)) {
                int td = depth + flow_stack_effect(in->op, in->arg, 1);
                if (td > maxdepth)
                    maxdepth = td;
                if (in->target->startdepth < td) {
                    in->target->startdepth = td;
                    *sp++ = in->target;
                }
            }
            depth = nd;
            if (is_uncond_jump(in->op) || is_scope_exit(in->op)) {
                next = NULL;
                break;
            }
        }
        if (next && next->startdepth < depth) {
            next->startdepth = depth;
            *sp++ = next;
        }
    }
#undef PUSH
    return maxdepth;
}

/* Handlers active at a point; each frame block pushes at most three (try, handler, `as`
   cleanup), and there are at most MAX_FBLOCKS of those. */
typedef struct ExcStack {
    Block *handlers[MAX_FBLOCKS * 3 + 4];
    int depth;
} ExcStack;

static ExcStack *exc_copy(Compiler *c, ExcStack *s)
{
    ExcStack *n = ARENA_NEW(c->a, ExcStack);
    *n = *s;
    return n;
}

static void label_exception_targets(Compiler *c, Block *entry, int nblocks)
{
    for (Block *b = entry; b; b = b->next)
        b->visited = false;
    Block **todo_stack = ARENA_ARRAY(c->a, Block *, nblocks + 8), **todo = todo_stack;
    ExcStack *es = ARENA_NEW(c->a, ExcStack);
    entry->visited = true;
    entry->exstack = es;
    *todo++ = entry;
    while (todo > todo_stack) {
        Block *b = *--todo;
        es = b->exstack;
        b->exstack = NULL;
        Block *handler = es->handlers[es->depth];
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instr[i];
            if (is_block_push(in)) {
                if (!in->target->visited) {
                    in->target->exstack = exc_copy(c, es);
                    in->target->visited = true;
                    *todo++ = in->target;
                }
                if (in->op == PS_SETUP_WITH || in->op == PS_SETUP_CLEANUP)
                    in->target->preserve_lasti = true;
                TR_ASSERT(es->depth + 1 < (int)TR_ARRAY_LEN(es->handlers));
                es->handlers[++es->depth] = in->target;
                handler = in->target;
            } else if (in->op == PS_POP_BLOCK) {
                es->handlers[es->depth] = NULL;
                if (es->depth > 0)
                    es->depth--;
                handler = es->handlers[es->depth];
            } else if (is_jump(in)) {
                in->except = handler;
                if (!in->target->visited) {
                    in->target->exstack = nofallthrough(b) ? es : exc_copy(c, es);
                    in->target->visited = true;
                    *todo++ = in->target;
                }
            } else {
                in->except = handler;
            }
        }
        if (!nofallthrough(b) && b->next && !b->next->visited) {
            b->next->exstack = es;
            b->next->visited = true;
            *todo++ = b->next;
        }
    }
}

static void convert_handlers_to_nops(Block *entry)
{
    for (Block *b = entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (is_block_push(&b->instr[i]) || b->instr[i].op == PS_POP_BLOCK)
                b->instr[i].op = OP_NOP;
}

static void normalize_jumps(Block *entry)
{
    for (Block *b = entry; b; b = b->next)
        b->visited = false;
    for (Block *b = entry; b; b = b->next) {
        b->visited = true;
        Instr *l = last_instr(b);
        if (!l || !is_jump(l))
            continue;
        bool fwd = !l->target->visited;
        switch (l->op) {
        case PS_JUMP: l->op = fwd ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD; break;
        case PS_JUMP_NO_INTERRUPT:
            l->op = fwd ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD_NO_INTERRUPT;
            break;
        case PS_POP_JUMP_IF_FALSE:
            l->op = fwd ? OP_POP_JUMP_FORWARD_IF_FALSE : OP_POP_JUMP_BACKWARD_IF_FALSE;
            break;
        case PS_POP_JUMP_IF_TRUE:
            l->op = fwd ? OP_POP_JUMP_FORWARD_IF_TRUE : OP_POP_JUMP_BACKWARD_IF_TRUE;
            break;
        case PS_POP_JUMP_IF_NONE:
            l->op = fwd ? OP_POP_JUMP_FORWARD_IF_NONE : OP_POP_JUMP_BACKWARD_IF_NONE;
            break;
        case PS_POP_JUMP_IF_NOT_NONE:
            l->op = fwd ? OP_POP_JUMP_FORWARD_IF_NOT_NONE : OP_POP_JUMP_BACKWARD_IF_NOT_NONE;
            break;
        default: break;
        }
    }
}

/* --- Cells and prefix ------------------------------------------------------------------- */

static int code_flags(Unit *u)
{
    Scope *s = u->ste;
    int flags = 0;
    if (s->kind == SCOPE_FUNCTION) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (s->nested)
            flags |= CO_NESTED;
        if (s->generator && !s->coroutine)
            flags |= CO_GENERATOR;
        if (!s->generator && s->coroutine)
            flags |= CO_COROUTINE;
        if (s->generator && s->coroutine)
            flags |= CO_ASYNC_GENERATOR;
        if (s->varargs)
            flags |= CO_VARARGS;
        if (s->varkeywords)
            flags |= CO_VARKEYWORDS;
    }
    return flags;
}

static int map_find(NameMap *m, const char *name) { return scope_index_get(&m->ix, name); }

static bool is_deref_op(int op)
{
    return op == OP_MAKE_CELL || op == OP_LOAD_CLOSURE || op == OP_LOAD_DEREF ||
           op == OP_STORE_DEREF || op == OP_DELETE_DEREF || op == OP_LOAD_CLASSDEREF;
}

/* --- Assembly -------------------------------------------------------------------------- */

CodeObj *flow_assemble(Compiler *c, Unit *u, bool add_none)
{
    Instr *l = last_instr(u->cur);
    if (!l || l->op != OP_RETURN_VALUE) {
        u->lineno = -1;
        if (add_none)
            cc_load_const(c, TR_NONE);
        cc_emit(c, OP_RETURN_VALUE, 0);
    }
    for (Block *b = u->blocks; b; b = b->alloc_next)
        skip_empty_targets(b);
    for (Block *b = u->blocks; b; b = b->alloc_next)
        extend_block(c, b);

    Block *entry = u->entry;
    int flags = code_flags(u);
    if (c->future_annotations)
        flags |= 0x1000000; /* CO_FUTURE_ANNOTATIONS, inherited by every code object */
    int nlocals = u->varnames.n, ncells = u->cellvars.n, nfrees = u->freevars.n;
    int noffsets = ncells + nfrees;
    int *fixed = ARENA_ARRAY(c->a, int, noffsets + 1);
    for (int i = 0; i < noffsets; i++)
        fixed[i] = nlocals + i;
    for (int i = 0; i < ncells; i++) {
        int vi = map_find(&u->varnames, u->cellvars.v[i]);
        if (vi >= 0)
            fixed[i] = vi;
    }

    /* prefix: COPY_FREE_VARS, MAKE_CELLs (in localsplus order), RETURN_GENERATOR + POP_TOP */
    if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        Instr g = {.op = OP_RETURN_GENERATOR, .line = u->firstlineno};
        Instr p = {.op = OP_POP_TOP, .line = -1};
        block_insert(c, entry, 0, &g);
        block_insert(c, entry, 1, &p);
    }
    if (ncells) {
        int nvars = ncells + nlocals;
        int *sorted = ARENA_ARRAY(c->a, int, nvars);
        for (int i = 0; i < ncells; i++)
            sorted[fixed[i]] = i + 1;
        for (int i = 0, used = 0; used < ncells; i++) {
            int old = sorted[i] - 1;
            if (old == -1)
                continue;
            Instr mc = {.op = OP_MAKE_CELL, .arg = old, .line = -1};
            block_insert(c, entry, used, &mc);
            used++;
        }
    }
    if (nfrees) {
        Instr cf = {.op = OP_COPY_FREE_VARS, .arg = nfrees, .line = -1};
        block_insert(c, entry, 0, &cf);
    }
    int dropped = 0;
    for (int i = 0; i < noffsets; i++) {
        if (fixed[i] == i + nlocals)
            fixed[i] -= dropped;
        else
            dropped++;
    }
    for (Block *b = entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (is_deref_op(b->instr[i].op))
                b->instr[i].arg = fixed[b->instr[i].arg];

    int nblocks = 0;
    for (Block *b = u->blocks; b; b = b->alloc_next)
        nblocks++;
    optimize_cfg(c, u, entry, nblocks);
    duplicate_exits_without_lineno(c, u);
    nblocks = 0;
    for (Block *b = u->blocks; b; b = b->alloc_next)
        nblocks++;

    /* trim unused trailing constants (the first may be a docstring: keep it) */
    int maxconst = 0;
    for (Block *b = u->blocks; b; b = b->alloc_next)
        for (int i = 0; i < b->n; i++)
            if ((b->instr[i].op == OP_LOAD_CONST || b->instr[i].op == OP_KW_NAMES) &&
                b->instr[i].arg > maxconst)
                maxconst = b->instr[i].arg;
    if (maxconst + 1 < u->nconsts)
        u->nconsts = maxconst + 1;

    propagate_line_numbers(entry);
    guarantee_lineno_for_exits(entry, u->firstlineno);
    int maxdepth = stackdepth(c, u, entry, nblocks);
    label_exception_targets(c, entry, nblocks);
    convert_handlers_to_nops(entry);
    for (Block *b = entry; b; b = b->next)
        clean_block(b);
    normalize_jumps(entry);

    /* layout */
    int ninstr = 0;
    for (Block *b = entry; b; b = b->next) {
        b->offset = ninstr;
        ninstr += b->n;
    }
    CodeObj *co = bc_code_new();
    co->code = tr_alloc_atomic(sizeof(BcWord) * (size_t)(ninstr + 1));
    co->lines = tr_alloc_atomic(sizeof(int32_t) * (size_t)(ninstr + 1));
    co->ncode = ninstr;
    int nexc = 0, capexc = 8;
    ExcEntry *exc = tr_alloc_atomic(sizeof(ExcEntry) * (size_t)capexc);
    Block *handler = NULL;
    int start = -1, k = 0;
    for (Block *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++, k++) {
            Instr *in = &b->instr[i];
            if (in->except != handler) {
                if (handler) {
                    if (nexc == capexc) {
                        capexc *= 2;
                        ExcEntry *ne = tr_alloc_atomic(sizeof(ExcEntry) * (size_t)capexc);
                        memcpy(ne, exc, sizeof(ExcEntry) * (size_t)nexc);
                        exc = ne;
                    }
                    exc[nexc].start = start;
                    exc[nexc].end = k;
                    exc[nexc].handler = handler->offset;
                    exc[nexc].lasti = handler->preserve_lasti;
                    exc[nexc].depth = handler->startdepth - 1 - (handler->preserve_lasti ? 1 : 0);
                    nexc++;
                }
                start = k;
                handler = in->except;
            }
            int arg = in->arg;
            if (is_jump(in))
                arg = in->target->offset;
            TR_ASSERT(in->op < OP__COUNT);
            co->code[k] = BC_MAKE(in->op, (uint32_t)arg);
            co->lines[k] = in->line;
        }
    }
    if (handler) {
        if (nexc == capexc) {
            ExcEntry *ne = tr_alloc_atomic(sizeof(ExcEntry) * (size_t)(capexc + 1));
            memcpy(ne, exc, sizeof(ExcEntry) * (size_t)nexc);
            exc = ne;
        }
        exc[nexc].start = start;
        exc[nexc].end = k;
        exc[nexc].handler = handler->offset;
        exc[nexc].lasti = handler->preserve_lasti;
        exc[nexc].depth = handler->startdepth - 1 - (handler->preserve_lasti ? 1 : 0);
        nexc++;
    }
    co->exctab = exc;
    co->nexctab = nexc;

    co->name = cc_str(u->name);
    co->qualname = cc_str(u->qualname ? u->qualname : u->name);
    co->filename = c->filename_str;
    co->firstlineno = u->firstlineno;
    co->argcount = u->argcount + u->posonlyargcount;
    co->posonlyargcount = u->posonlyargcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->flags = flags;
    co->stacksize = maxdepth;
    co->consts = tr_tuple_from(u->consts, u->nconsts);
    TrValue names = tr_tuple_new(u->names.n);
    for (int i = 0; i < u->names.n; i++)
        tr_as_tuple(names)->items[i] = cc_str(u->names.v[i]);
    co->names = names;
    int nlp = nlocals + ncells + nfrees - dropped;
    TrValue lpn = tr_tuple_new(nlp);
    uint8_t *kinds = tr_alloc_atomic((size_t)nlp + 1);
    for (int i = 0; i < nlocals; i++) {
        tr_as_tuple(lpn)->items[i] = cc_str(u->varnames.v[i]);
        kinds[i] = CO_FAST_LOCAL;
    }
    for (int i = 0; i < ncells; i++) {
        int at = fixed[i];
        tr_as_tuple(lpn)->items[at] = cc_str(u->cellvars.v[i]);
        kinds[at] = at < nlocals ? (CO_FAST_LOCAL | CO_FAST_CELL) : CO_FAST_CELL;
    }
    for (int i = 0; i < nfrees; i++) {
        int at = fixed[ncells + i];
        tr_as_tuple(lpn)->items[at] = cc_str(u->freevars.v[i]);
        kinds[at] = CO_FAST_FREE;
    }
    co->localsplusnames = lpn;
    co->localspluskinds = kinds;
    co->nlocalsplus = nlp;
    co->nlocals = nlocals;
    co->ncells = ncells;
    co->nfrees = nfrees;
    return co;
}
