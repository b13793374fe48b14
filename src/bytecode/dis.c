/*
 * dis.c -- prints code objects exactly as CPython 3.11's `python3 -m dis` does: line column,
 * jump-target markers, CPython byte offsets (caches and EXTENDED_ARG counted), CPython's
 * argument values (relative jumps) and meanings, the exception table, then nested code objects
 * depth-first in constant order.
 */
#include "bytecode/dis.h"

#include "common/strbuf.h"
#include "runtime/runtime.h"

#include <string.h>

static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const binop_names[] = {"+", "&", "//", "<<", "@", "*", "%",
                                          "|", "**", ">>", "-", "/", "^"};

static void put_repr(StrBuf *sb, TrValue v)
{
    TrValue r = tr_repr(v);
    if (r == TR_ERR) {
        tr_err_clear();
        sb_puts(sb, "<?>");
        return;
    }
    sb_puts(sb, tr_str_utf8(r));
}

static void put_tuple_item_str(StrBuf *sb, TrValue tuple, uint32_t i)
{
    TrTuple *t = tr_as_tuple(tuple);
    if ((int64_t)i < t->len)
        sb_puts(sb, tr_str_utf8(t->items[i]));
}

static void argrepr(StrBuf *sb, const CodeObj *co, int op, uint32_t arg, int32_t target_bytes)
{
    switch (bc_op_argkind[op]) {
    case ARG_CONST:
        if (op != OP_KW_NAMES && (int64_t)arg < tr_as_tuple(co->consts)->len)
            put_repr(sb, tr_as_tuple(co->consts)->items[arg]);
        break;
    case ARG_NAME:
        put_tuple_item_str(sb, co->names, arg);
        break;
    case ARG_GLOBAL:
        if (arg & 1)
            sb_puts(sb, "NULL + ");
        put_tuple_item_str(sb, co->names, arg >> 1);
        break;
    case ARG_LOCAL:
    case ARG_FREE:
        put_tuple_item_str(sb, co->localsplusnames, arg);
        break;
    case ARG_JUMP:
        sb_printf(sb, "to %d", target_bytes);
        break;
    case ARG_BINOP:
        if (arg < 13) {
            sb_puts(sb, binop_names[arg]);
        } else if (arg < 26) {
            sb_puts(sb, binop_names[arg - 13]);
            sb_putc(sb, '=');
        }
        break;
    case ARG_CMP:
        if (arg < 6)
            sb_puts(sb, cmp_names[arg]);
        break;
    case ARG_FORMAT: {
        static const char *const conv[] = {"", "str", "repr", "ascii"};
        sb_puts(sb, conv[arg & 3]);
        if (arg & 4) {
            if (arg & 3)
                sb_puts(sb, ", ");
            sb_puts(sb, "with format");
        }
        break;
    }
    default:
        if (op == OP_MAKE_FUNCTION) {
            static const char *const flags[] = {"defaults", "kwdefaults", "annotations",
                                                "closure"};
            bool first = true;
            for (int i = 0; i < 4; i++)
                if (arg & (1u << i)) {
                    if (!first)
                        sb_puts(sb, ", ");
                    sb_puts(sb, flags[i]);
                    first = false;
                }
        }
        break;
    }
}

static void rstrip_line(StrBuf *sb, size_t start)
{
    while (sb->len > start && sb->data[sb->len - 1] == ' ')
        sb->len--;
    sb_putc(sb, '\n');
}

static void emit_line(StrBuf *sb, int lineno_width, int line, bool target, int offset,
                      int offset_width, const char *opname, bool has_arg, uint32_t arg,
                      const char *rep)
{
    size_t start = sb->len;
    if (lineno_width) {
        if (line >= 0)
            sb_printf(sb, "%*d", lineno_width, line);
        else
            sb_printf(sb, "%*s", lineno_width, "");
        sb_putc(sb, ' ');
    }
    sb_puts(sb, "   ");
    sb_puts(sb, target ? " >>" : "   ");
    sb_printf(sb, " %*d %-20s", offset_width, offset, opname);
    if (has_arg) {
        sb_printf(sb, " %5u", arg);
        if (rep && *rep)
            sb_printf(sb, " (%s)", rep);
    }
    rstrip_line(sb, start);
}

static void disassemble(const CodeObj *co, StrBuf *sb)
{
    int n = co->ncode;
    int32_t *off = tr_alloc_atomic(sizeof(int32_t) * (size_t)(n + 1));
    uint32_t *args = tr_alloc_atomic(sizeof(uint32_t) * (size_t)(n + 1));
    int total = bc_layout(co, off, args);
    bool *label = tr_alloc_atomic((size_t)total + 1);
    memset(label, 0, (size_t)total + 1);
    for (int i = 0; i < n; i++)
        if (bc_is_jump_op(BC_OP(co->code[i])))
            label[off[BC_ARG(co->code[i])]] = true;
    for (int e = 0; e < co->nexctab; e++)
        label[off[co->exctab[e].handler]] = true;
    /* line starts, as dis.findlinestarts */
    int *starts = tr_alloc_atomic(sizeof(int) * (size_t)(n + 1));
    int last = -1, maxline = -1;
    bool any = false;
    for (int i = 0; i < n; i++) {
        starts[i] = -1;
        int l = co->lines ? co->lines[i] : -1;
        if (l >= 0 && l != last) {
            starts[i] = l;
            last = l;
            any = true;
            if (l > maxline)
                maxline = l;
        }
    }
    int lineno_width = 0;
    if (any) {
        lineno_width = 3;
        if (maxline >= 1000)
            lineno_width = snprintf(NULL, 0, "%d", maxline);
    }
    int maxoffset = 2 * total - 2;
    int offset_width = 4;
    if (maxoffset >= 10000)
        offset_width = snprintf(NULL, 0, "%d", maxoffset);
    StrBuf rep;
    for (int i = 0; i < n; i++) {
        int op = BC_OP(co->code[i]);
        int byte = 2 * off[i];
        if (starts[i] >= 0 && byte > 0 && any)
            sb_putc(sb, '\n');
        bool has_arg = bc_op_argkind[op] != ARG_NONE;
        uint32_t a = args[i];
        int line = starts[i];
        /* EXTENDED_ARG prefixes, as CPython would have emitted them */
        int ext = a > 0xFFFFFF ? 3 : a > 0xFFFF ? 2 : a > 0xFF ? 1 : 0;
        for (int k = ext; k > 0; k--) {
            emit_line(sb, lineno_width, line, label[off[i] + (ext - k)], byte, offset_width,
                      "EXTENDED_ARG", true, a >> (8 * k), NULL);
            line = -1;
            byte += 2;
        }
        sb_init(&rep);
        int32_t target = 0;
        if (bc_op_argkind[op] == ARG_JUMP)
            target = 2 * off[BC_ARG(co->code[i])];
        if (has_arg)
            argrepr(&rep, co, op, bc_op_argkind[op] == ARG_JUMP ? a : BC_ARG(co->code[i]), target);
        emit_line(sb, lineno_width, line, ext == 0 && label[off[i]], byte, offset_width,
                  bc_op_names[op], has_arg, a, sb_cstr(&rep));
    }
    if (co->nexctab) {
        sb_puts(sb, "ExceptionTable:\n");
        for (int e = 0; e < co->nexctab; e++) {
            const ExcEntry *x = &co->exctab[e];
            sb_printf(sb, "  %d to %d -> %d [%d]%s\n", 2 * off[x->start], 2 * off[x->end] - 2,
                      2 * off[x->handler], x->depth, x->lasti ? " lasti" : "");
        }
    }
}

static void dis_recursive(const CodeObj *co, StrBuf *sb)
{
    disassemble(co, sb);
    TrTuple *consts = tr_as_tuple(co->consts);
    for (int64_t i = 0; i < consts->len; i++) {
        if (!bc_is_code(consts->items[i]))
            continue;
        sb_puts(sb, "\nDisassembly of ");
        put_repr(sb, consts->items[i]);
        sb_puts(sb, ":\n");
        dis_recursive(bc_as_code(consts->items[i]), sb);
    }
}

void bc_dis(const CodeObj *co, FILE *out)
{
    StrBuf sb;
    sb_init(&sb);
    dis_recursive(co, &sb);
    fwrite(sb.data, 1, sb.len, out);
}
