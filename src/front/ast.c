/*
 * ast.c -- AST nodes: allocation, lists, a generic walk, and ast_dump, which prints exactly what
 * CPython 3.11's ast.dump() prints (fields in ASDL order, optional fields left out when absent,
 * no position attributes). One function, fields(), lists every kind's fields for both uses.
 */
#include "front/ast.h"

#include <stdio.h>
#include <string.h>

#include "common/strbuf.h"
#include "runtime/object.h"
#include "runtime/str.h"

const char *const ast_kind_names[AST__COUNT] = {
#define NODE(name, cat) [AST_##name] = #name,
#include "front/ast_nodes.def"
#undef NODE
};

Node *ast_new(Arena *a, NodeKind kind, int line, int col)
{
    Node *n = ARENA_NEW(a, Node);
    n->kind = kind;
    n->line = n->end_line = line;
    n->col = n->end_col = col;
    return n;
}

void ast_list_push(Arena *a, NodeList *l, Node *n)
{
    /* capacity is implicit: the next power of two at or above len */
    if (l->len == 0 || (l->len >= 4 && (l->len & (l->len - 1)) == 0)) {
        int cap = l->len < 4 ? 4 : l->len * 2;
        Node **items = ARENA_ARRAY(a, Node *, cap);
        if (l->len)
            memcpy(items, l->items, sizeof(Node *) * (size_t)l->len);
        l->items = items;
    }
    l->items[l->len++] = n;
}

/* --- Field lists -------------------------------------------------------------------------- */

typedef struct FieldVisitor {
    void (*node)(struct FieldVisitor *v, const char *name, Node *n, bool optional);
    void (*list)(struct FieldVisitor *v, const char *name, const NodeList *l);
    /* a field printed as text: an identifier (quoted), an operator "Add()", an int... */
    void (*text)(struct FieldVisitor *v, const char *name, const char *s, bool optional);
    void (*ids)(struct FieldVisitor *v, const char *name, const char *const *ids, int n);
    void (*cmpops)(struct FieldVisitor *v, const char *name, const CmpOpKind *ops, int n);
    void (*constant)(struct FieldVisitor *v, const char *name, TrValue c);
} FieldVisitor;

static const char *const binop_names[] = {
    "Add()", "BitAnd()", "FloorDiv()", "LShift()", "MatMult()", "Mult()", "Mod()",
    "BitOr()", "Pow()", "RShift()", "Sub()", "Div()", "BitXor()",
};
static const char *const unop_names[] = {"Invert()", "Not()", "UAdd()", "USub()"};
static const char *const ctx_names[] = {"Load()", "Store()", "Del()"};
static const char *const int_texts[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

static const char *small_int(int v, char *buf)
{
    if (v >= 0 && v <= 9)
        return int_texts[v];
    snprintf(buf, 16, "%d", v);
    return buf;
}

static void fields(const Node *n, FieldVisitor *v)
{
    char buf[16];
    const char *binop = NULL;
#define ND(name, x) v->node(v, name, x, false)
#define OPT(name, x) v->node(v, name, x, true)
#define LS(name, x) v->list(v, name, &(x))
#define ID(name, x) v->text(v, name, x, false)
#define IDOPT(name, x) v->text(v, name, x, true)
#define RAW(name, x) v->text(v, name, x, false)
#define CTX(x) RAW("ctx", ctx_names[x])
    switch (n->kind) {
    case AST_Module:
        LS("body", n->u.Module.body);
        LS("type_ignores", (NodeList){0});
        break;
    case AST_FunctionDef:
    case AST_AsyncFunctionDef:
        ID("name", n->u.FunctionDef.name);
        ND("args", n->u.FunctionDef.args);
        LS("body", n->u.FunctionDef.body);
        LS("decorator_list", n->u.FunctionDef.decorators);
        OPT("returns", n->u.FunctionDef.returns);
        IDOPT("type_comment", NULL);
        break;
    case AST_ClassDef:
        ID("name", n->u.ClassDef.name);
        LS("bases", n->u.ClassDef.bases);
        LS("keywords", n->u.ClassDef.keywords);
        LS("body", n->u.ClassDef.body);
        LS("decorator_list", n->u.ClassDef.decorators);
        break;
    case AST_Return:
        OPT("value", n->u.Return.value);
        break;
    case AST_Delete:
        LS("targets", n->u.Delete.targets);
        break;
    case AST_Assign:
        LS("targets", n->u.Assign.targets);
        ND("value", n->u.Assign.value);
        IDOPT("type_comment", NULL);
        break;
    case AST_AugAssign:
        ND("target", n->u.AugAssign.target);
        RAW("op", binop_names[n->u.AugAssign.op]);
        ND("value", n->u.AugAssign.value);
        break;
    case AST_AnnAssign:
        ND("target", n->u.AnnAssign.target);
        ND("annotation", n->u.AnnAssign.annotation);
        OPT("value", n->u.AnnAssign.value);
        RAW("simple", n->u.AnnAssign.simple ? "1" : "0");
        break;
    case AST_For:
    case AST_AsyncFor:
        ND("target", n->u.For.target);
        ND("iter", n->u.For.iter);
        LS("body", n->u.For.body);
        LS("orelse", n->u.For.orelse);
        IDOPT("type_comment", NULL);
        break;
    case AST_While:
        ND("test", n->u.While.test);
        LS("body", n->u.While.body);
        LS("orelse", n->u.While.orelse);
        break;
    case AST_If:
        ND("test", n->u.If.test);
        LS("body", n->u.If.body);
        LS("orelse", n->u.If.orelse);
        break;
    case AST_With:
    case AST_AsyncWith:
        LS("items", n->u.With.items);
        LS("body", n->u.With.body);
        IDOPT("type_comment", NULL);
        break;
    case AST_Match:
        ND("subject", n->u.Match.subject);
        LS("cases", n->u.Match.cases);
        break;
    case AST_Raise:
        OPT("exc", n->u.Raise.exc);
        OPT("cause", n->u.Raise.cause);
        break;
    case AST_Try:
    case AST_TryStar:
        LS("body", n->u.Try.body);
        LS("handlers", n->u.Try.handlers);
        LS("orelse", n->u.Try.orelse);
        LS("finalbody", n->u.Try.finalbody);
        break;
    case AST_Assert:
        ND("test", n->u.Assert.test);
        OPT("msg", n->u.Assert.msg);
        break;
    case AST_Import:
        LS("names", n->u.Import.names);
        break;
    case AST_ImportFrom:
        IDOPT("module", n->u.ImportFrom.module);
        LS("names", n->u.ImportFrom.names);
        RAW("level", small_int(n->u.ImportFrom.level, buf));
        break;
    case AST_Global:
    case AST_Nonlocal:
        v->ids(v, "names", n->u.Global.names, n->u.Global.len);
        break;
    case AST_Expr:
        ND("value", n->u.Expr.value);
        break;
    case AST_Pass:
    case AST_Break:
    case AST_Continue:
        break;
    case AST_BoolOp:
        RAW("op", n->u.BoolOp.op == BOOL_AND ? "And()" : "Or()");
        LS("values", n->u.BoolOp.values);
        break;
    case AST_NamedExpr:
        ND("target", n->u.NamedExpr.target);
        ND("value", n->u.NamedExpr.value);
        break;
    case AST_BinOp:
        binop = binop_names[n->u.BinOp.op];
        ND("left", n->u.BinOp.left);
        RAW("op", binop);
        ND("right", n->u.BinOp.right);
        break;
    case AST_UnaryOp:
        RAW("op", unop_names[n->u.UnaryOp.op]);
        ND("operand", n->u.UnaryOp.operand);
        break;
    case AST_Lambda:
        ND("args", n->u.Lambda.args);
        ND("body", n->u.Lambda.body);
        break;
    case AST_IfExp:
        ND("test", n->u.IfExp.test);
        ND("body", n->u.IfExp.body);
        ND("orelse", n->u.IfExp.orelse);
        break;
    case AST_Dict:
        LS("keys", n->u.Dict.keys);
        LS("values", n->u.Dict.values);
        break;
    case AST_Set:
        LS("elts", n->u.Set.elts);
        break;
    case AST_ListComp:
    case AST_SetComp:
    case AST_GeneratorExp:
        ND("elt", n->u.Comp.elt);
        LS("generators", n->u.Comp.generators);
        break;
    case AST_DictComp:
        ND("key", n->u.Comp.elt);
        ND("value", n->u.Comp.value);
        LS("generators", n->u.Comp.generators);
        break;
    case AST_Await:
    case AST_YieldFrom:
        ND("value", n->u.Yield.value);
        break;
    case AST_Yield:
        OPT("value", n->u.Yield.value);
        break;
    case AST_Compare:
        ND("left", n->u.Compare.left);
        v->cmpops(v, "ops", n->u.Compare.ops, n->u.Compare.comparators.len);
        LS("comparators", n->u.Compare.comparators);
        break;
    case AST_Call:
        ND("func", n->u.Call.func);
        LS("args", n->u.Call.args);
        LS("keywords", n->u.Call.keywords);
        break;
    case AST_FormattedValue:
        ND("value", n->u.FormattedValue.value);
        RAW("conversion", n->u.FormattedValue.conversion < 0
                              ? "-1"
                              : (snprintf(buf, sizeof buf, "%d", n->u.FormattedValue.conversion),
                                 buf));
        OPT("format_spec", n->u.FormattedValue.format_spec);
        break;
    case AST_JoinedStr:
        LS("values", n->u.JoinedStr.values);
        break;
    case AST_Constant:
        v->constant(v, "value", n->u.Constant.value);
        IDOPT("kind", n->u.Constant.kind);
        break;
    case AST_Attribute:
        ND("value", n->u.Attribute.value);
        ID("attr", n->u.Attribute.attr);
        CTX(n->u.Attribute.ctx);
        break;
    case AST_Subscript:
        ND("value", n->u.Subscript.value);
        ND("slice", n->u.Subscript.slice);
        CTX(n->u.Subscript.ctx);
        break;
    case AST_Starred:
        ND("value", n->u.Starred.value);
        CTX(n->u.Starred.ctx);
        break;
    case AST_Name:
        ID("id", n->u.Name.id);
        CTX(n->u.Name.ctx);
        break;
    case AST_List:
    case AST_Tuple:
        LS("elts", n->u.List.elts);
        CTX(n->u.List.ctx);
        break;
    case AST_Slice:
        OPT("lower", n->u.Slice.lower);
        OPT("upper", n->u.Slice.upper);
        OPT("step", n->u.Slice.step);
        break;
    case AST_comprehension:
        ND("target", n->u.comprehension.target);
        ND("iter", n->u.comprehension.iter);
        LS("ifs", n->u.comprehension.ifs);
        RAW("is_async", n->u.comprehension.is_async ? "1" : "0");
        break;
    case AST_ExceptHandler:
        OPT("type", n->u.ExceptHandler.type);
        IDOPT("name", n->u.ExceptHandler.name);
        LS("body", n->u.ExceptHandler.body);
        break;
    case AST_arguments:
        LS("posonlyargs", n->u.arguments.posonlyargs);
        LS("args", n->u.arguments.args);
        OPT("vararg", n->u.arguments.vararg);
        LS("kwonlyargs", n->u.arguments.kwonlyargs);
        LS("kw_defaults", n->u.arguments.kw_defaults);
        OPT("kwarg", n->u.arguments.kwarg);
        LS("defaults", n->u.arguments.defaults);
        break;
    case AST_arg:
        ID("arg", n->u.arg.arg);
        OPT("annotation", n->u.arg.annotation);
        IDOPT("type_comment", NULL);
        break;
    case AST_keyword:
        IDOPT("arg", n->u.keyword.arg);
        ND("value", n->u.keyword.value);
        break;
    case AST_alias:
        ID("name", n->u.alias.name);
        IDOPT("asname", n->u.alias.asname);
        break;
    case AST_withitem:
        ND("context_expr", n->u.withitem.context_expr);
        OPT("optional_vars", n->u.withitem.optional_vars);
        break;
    case AST_match_case:
        ND("pattern", n->u.match_case.pattern);
        OPT("guard", n->u.match_case.guard);
        LS("body", n->u.match_case.body);
        break;
    case AST_MatchValue:
        ND("value", n->u.MatchValue.value);
        break;
    case AST_MatchSingleton:
        v->constant(v, "value", n->u.MatchSingleton.value);
        break;
    case AST_MatchSequence:
        LS("patterns", n->u.MatchSequence.patterns);
        break;
    case AST_MatchMapping:
        LS("keys", n->u.MatchMapping.keys);
        LS("patterns", n->u.MatchMapping.patterns);
        IDOPT("rest", n->u.MatchMapping.rest);
        break;
    case AST_MatchClass:
        ND("cls", n->u.MatchClass.cls);
        LS("patterns", n->u.MatchClass.patterns);
        v->ids(v, "kwd_attrs", n->u.MatchClass.kwd_attrs, n->u.MatchClass.kwd_patterns.len);
        LS("kwd_patterns", n->u.MatchClass.kwd_patterns);
        break;
    case AST_MatchStar:
        IDOPT("name", n->u.MatchStar.name);
        break;
    case AST_MatchAs:
        OPT("pattern", n->u.MatchAs.pattern);
        IDOPT("name", n->u.MatchAs.name);
        break;
    case AST_MatchOr:
        LS("patterns", n->u.MatchOr.patterns);
        break;
    case AST__COUNT:
        break;
    }
#undef ND
#undef OPT
#undef LS
#undef ID
#undef IDOPT
#undef RAW
#undef CTX
}

/* --- Walk --------------------------------------------------------------------------------- */

typedef struct {
    FieldVisitor v;
    void (*fn)(Node *n, void *ctx);
    void *ctx;
} Walker;

static void walk_node(FieldVisitor *v, const char *name, Node *n, bool optional)
{
    if (n)
        ast_walk(n, ((Walker *)v)->fn, ((Walker *)v)->ctx);
}
static void walk_list(FieldVisitor *v, const char *name, const NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        walk_node(v, name, l->items[i], true);
}
static void walk_text(FieldVisitor *v, const char *name, const char *s, bool optional) {}
static void walk_ids(FieldVisitor *v, const char *name, const char *const *ids, int n) {}
static void walk_cmpops(FieldVisitor *v, const char *name, const CmpOpKind *ops, int n) {}
static void walk_const(FieldVisitor *v, const char *name, TrValue c) {}

void ast_walk(Node *n, void (*fn)(Node *n, void *ctx), void *ctx)
{
    Walker w = {{walk_node, walk_list, walk_text, walk_ids, walk_cmpops, walk_const}, fn, ctx};
    fn(n, ctx);
    fields(n, &w.v);
}

/* --- Dump --------------------------------------------------------------------------------- */

/* ast.dump's _format: each node is formatted into its own buffer, because with an indent
   the layout of a node depends on whether all of its fields were "simple". */
typedef struct {
    FieldVisitor v;
    int indent, level;
    const char **args; /* formatted "name=value" strings of the node being built */
    int nargs, cap;
    bool allsimple;
} Dumper;

static const char *fmt_node(const Node *n, int indent, int level, bool *simple);

static void add_arg(Dumper *d, const char *name, const char *value, bool simple)
{
    if (d->nargs == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        const char **na = tr_alloc(sizeof(char *) * (size_t)d->cap);
        if (d->nargs)
            memcpy(na, d->args, sizeof(char *) * (size_t)d->nargs);
        d->args = na;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s=%s", name, value);
    d->args[d->nargs++] = sb_cstr(&sb);
    d->allsimple = d->allsimple && simple;
}

static void sep_prefix(int indent, int level, StrBuf *prefix, StrBuf *sep)
{
    sb_init(prefix);
    sb_init(sep);
    if (indent > 0) {
        sb_putc(prefix, '\n');
        sb_puts(sep, ",\n");
        for (int i = 0; i < indent * level; i++) {
            sb_putc(prefix, ' ');
            sb_putc(sep, ' ');
        }
    } else {
        sb_puts(sep, ", ");
    }
}

static const char *fmt_list(const NodeList *l, int indent, int level, bool *simple)
{
    if (l->len == 0) {
        *simple = true;
        return "[]";
    }
    *simple = false;
    int lv = indent > 0 ? level + 1 : level;
    StrBuf prefix, sep, sb;
    sep_prefix(indent, lv, &prefix, &sep);
    sb_init(&sb);
    sb_putc(&sb, '[');
    sb_puts(&sb, sb_cstr(&prefix));
    for (int i = 0; i < l->len; i++) {
        bool s;
        if (i)
            sb_puts(&sb, sb_cstr(&sep));
        sb_puts(&sb, l->items[i] ? fmt_node(l->items[i], indent, lv, &s) : "None");
    }
    sb_putc(&sb, ']');
    return sb_cstr(&sb);
}

static void dump_node(FieldVisitor *v, const char *name, Node *n, bool optional)
{
    Dumper *d = (Dumper *)v;
    bool simple = true;
    if (!n) {
        if (!optional)
            add_arg(d, name, "None", true);
        return;
    }
    const char *s = fmt_node(n, d->indent, d->level, &simple);
    add_arg(d, name, s, simple);
}

static void dump_list(FieldVisitor *v, const char *name, const NodeList *l)
{
    Dumper *d = (Dumper *)v;
    bool simple;
    const char *s = fmt_list(l, d->indent, d->level, &simple);
    add_arg(d, name, s, simple);
}

static void quote_id(StrBuf *sb, const char *s)
{
    /* identifiers and module names need no escapes */
    sb_putc(sb, '\'');
    sb_puts(sb, s);
    sb_putc(sb, '\'');
}

static void dump_text(FieldVisitor *v, const char *name, const char *s, bool optional)
{
    Dumper *d = (Dumper *)v;
    if (!s) {
        if (!optional)
            add_arg(d, name, "None", true);
        return;
    }
    bool is_id = strcmp(name, "op") && strcmp(name, "ctx") && strcmp(name, "simple") &&
                 strcmp(name, "level") && strcmp(name, "is_async") && strcmp(name, "conversion");
    if (!is_id) {
        add_arg(d, name, s, true);
        return;
    }
    if (strcmp(name, "kind") == 0 && strcmp(s, "u") == 0) {
        add_arg(d, name, "'u'", true);
        return;
    }
    StrBuf sb;
    sb_init(&sb);
    quote_id(&sb, s);
    add_arg(d, name, sb_cstr(&sb), true);
}

static void dump_ids(FieldVisitor *v, const char *name, const char *const *ids, int n)
{
    Dumper *d = (Dumper *)v;
    if (n == 0) {
        add_arg(d, name, "[]", true);
        return;
    }
    StrBuf sb, prefix, sep;
    sep_prefix(d->indent, d->indent > 0 ? d->level + 1 : d->level, &prefix, &sep);
    sb_init(&sb);
    sb_putc(&sb, '[');
    sb_puts(&sb, sb_cstr(&prefix));
    for (int i = 0; i < n; i++) {
        if (i)
            sb_puts(&sb, sb_cstr(&sep));
        quote_id(&sb, ids[i]);
    }
    sb_putc(&sb, ']');
    add_arg(d, name, sb_cstr(&sb), false);
}

static void dump_cmpops(FieldVisitor *v, const char *name, const CmpOpKind *ops, int n)
{
    static const char *const names[] = {"Eq()", "NotEq()", "Lt()", "LtE()", "Gt()",
                                        "GtE()", "Is()", "IsNot()", "In()", "NotIn()"};
    Dumper *d = (Dumper *)v;
    StrBuf sb, prefix, sep;
    int lv = d->indent > 0 ? d->level + 1 : d->level;
    sep_prefix(d->indent, lv, &prefix, &sep);
    sb_init(&sb);
    sb_putc(&sb, '[');
    sb_puts(&sb, sb_cstr(&prefix));
    for (int i = 0; i < n; i++) {
        if (i)
            sb_puts(&sb, sb_cstr(&sep));
        /* each op is itself a node with no fields: Eq() */
        sb_puts(&sb, names[ops[i]]);
    }
    sb_putc(&sb, ']');
    add_arg(d, name, sb_cstr(&sb), n == 0);
}

static void dump_const(FieldVisitor *v, const char *name, TrValue c)
{
    Dumper *d = (Dumper *)v;
    const char *s = "<?>";
    if (c) {
        TrValue r = tr_repr(c);
        if (r)
            s = tr_str_utf8(r);
    }
    add_arg(d, name, s, true);
}

static const char *fmt_node(const Node *n, int indent, int level, bool *simple)
{
    Dumper d = {{dump_node, dump_list, dump_text, dump_ids, dump_cmpops, dump_const},
                indent, indent > 0 ? level + 1 : level, NULL, 0, 0, true};
    fields(n, &d.v);
    const char *name = ast_kind_names[n->kind];
    StrBuf sb, prefix, sep;
    sb_init(&sb);
    sb_puts(&sb, name);
    sb_putc(&sb, '(');
    if (indent > 0 && !(d.allsimple && d.nargs <= 3)) {
        sep_prefix(indent, d.level, &prefix, &sep);
        sb_puts(&sb, sb_cstr(&prefix));
        for (int i = 0; i < d.nargs; i++) {
            if (i)
                sb_puts(&sb, sb_cstr(&sep));
            sb_puts(&sb, d.args[i]);
        }
        *simple = false;
    } else {
        for (int i = 0; i < d.nargs; i++) {
            if (i)
                sb_puts(&sb, ", ");
            sb_puts(&sb, d.args[i]);
        }
        *simple = indent > 0 ? d.nargs == 0 : d.allsimple;
    }
    sb_putc(&sb, ')');
    return sb_cstr(&sb);
}

void ast_dump(const Node *n, int indent, void (*out)(const char *s, void *ctx), void *ctx)
{
    bool simple;
    out(n ? fmt_node(n, indent, 0, &simple) : "None", ctx);
}
