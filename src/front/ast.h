/*
 * ast.h -- the abstract syntax tree, shaped like CPython's `ast` module: same node kinds
 * (ast_nodes.def) and fields. Nodes and lists live in the compilation's arena. Identifiers are
 * NUL-terminated UTF-8 C strings in the arena; constants are runtime values (TrValue).
 * Positions: line is 1-based, col is a 0-based byte offset into the line, as in CPython.
 */
#ifndef TR_AST_H
#define TR_AST_H

#include "common/arena.h"
#include "runtime/value.h"

typedef enum {
#define NODE(name, cat) AST_##name,
#include "front/ast_nodes.def"
#undef NODE
    AST__COUNT
} NodeKind;

typedef struct Node Node;
typedef struct NodeList {
    Node **items;
    int len;
} NodeList;

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ExprCtx;
typedef enum { BOOL_AND, BOOL_OR } BoolOpKind;
typedef enum { UOP_INVERT, UOP_NOT, UOP_UADD, UOP_USUB } UnaryOpKind;
/* comparison operators of Compare nodes */
typedef enum {
    CMP_EQ, CMP_NOTEQ, CMP_LT, CMP_LTE, CMP_GT, CMP_GTE, CMP_IS, CMP_ISNOT, CMP_IN, CMP_NOTIN
} CmpOpKind;
/* BinOp/AugAssign operators use TrBinOp (runtime/object.h): TR_OP_ADD ... */

struct Node {
    NodeKind kind;
    int line, col, end_line, end_col;
    union {
        struct { NodeList body; } Module;
        /* FunctionDef, AsyncFunctionDef */
        struct { const char *name; Node *args; NodeList body, decorators; Node *returns; } FunctionDef;
        struct { const char *name; NodeList bases, keywords, body, decorators; } ClassDef;
        struct { Node *value; } Return; /* value may be NULL */
        struct { NodeList targets; } Delete;
        struct { NodeList targets; Node *value; } Assign;
        struct { Node *target; int op; Node *value; } AugAssign; /* op: TrBinOp */
        struct { Node *target, *annotation, *value; bool simple; } AnnAssign; /* value may be NULL */
        /* For, AsyncFor */
        struct { Node *target, *iter; NodeList body, orelse; } For;
        struct { Node *test; NodeList body, orelse; } While;
        struct { Node *test; NodeList body, orelse; } If;
        /* With, AsyncWith */
        struct { NodeList items, body; } With;
        struct { Node *subject; NodeList cases; } Match;
        struct { Node *exc, *cause; } Raise; /* both may be NULL */
        /* Try, TryStar */
        struct { NodeList body, handlers, orelse, finalbody; } Try;
        struct { Node *test, *msg; } Assert;
        struct { NodeList names; } Import; /* of alias */
        struct { const char *module; NodeList names; int level; } ImportFrom; /* module may be NULL */
        /* Global, Nonlocal: names as arena C strings */
        struct { const char **names; int len; } Global;
        struct { Node *value; } Expr;

        struct { BoolOpKind op; NodeList values; } BoolOp;
        struct { Node *target, *value; } NamedExpr;
        struct { Node *left; int op; Node *right; } BinOp; /* op: TrBinOp */
        struct { UnaryOpKind op; Node *operand; } UnaryOp;
        struct { Node *args, *body; } Lambda;
        struct { Node *test, *body, *orelse; } IfExp;
        struct { NodeList keys, values; } Dict; /* keys[i] NULL for **values[i] */
        struct { NodeList elts; } Set;
        /* ListComp, SetComp, GeneratorExp use elt; DictComp uses key and value */
        struct { Node *elt, *value; NodeList generators; } Comp;
        /* Await, Yield, YieldFrom */
        struct { Node *value; } Yield; /* may be NULL for Yield */
        struct { Node *left; CmpOpKind *ops; NodeList comparators; } Compare;
        struct { Node *func; NodeList args, keywords; } Call;
        /* conversion: -1 none, 's', 'r', 'a'; format_spec: JoinedStr or NULL */
        struct { Node *value; int conversion; Node *format_spec; } FormattedValue;
        struct { NodeList values; } JoinedStr;
        /* kind is "u" for u'...' strings, else NULL */
        struct { TrValue value; const char *kind; } Constant;
        struct { Node *value; const char *attr; ExprCtx ctx; } Attribute;
        struct { Node *value, *slice; ExprCtx ctx; } Subscript;
        struct { Node *value; ExprCtx ctx; } Starred;
        struct { const char *id; ExprCtx ctx; } Name;
        /* List, Tuple */
        struct { NodeList elts; ExprCtx ctx; } List;
        struct { Node *lower, *upper, *step; } Slice; /* each may be NULL */

        struct { Node *target, *iter; NodeList ifs; bool is_async; } comprehension;
        struct { Node *type; const char *name; NodeList body; } ExceptHandler; /* type, name may be NULL */
        /* posonlyargs, args, kwonlyargs: lists of arg; kw_defaults has one entry per kwonly arg
           (NULL where there is none); defaults apply to the last posonly+args */
        struct { NodeList posonlyargs, args; Node *vararg; NodeList kwonlyargs, kw_defaults;
                 Node *kwarg; NodeList defaults; } arguments;
        struct { const char *arg; Node *annotation; } arg;
        struct { const char *arg; Node *value; } keyword; /* arg NULL for **value */
        struct { const char *name, *asname; } alias; /* asname may be NULL */
        struct { Node *context_expr, *optional_vars; } withitem;
        struct { Node *pattern, *guard; NodeList body; } match_case;

        struct { Node *value; } MatchValue;
        struct { TrValue value; } MatchSingleton;
        struct { NodeList patterns; } MatchSequence;
        struct { NodeList keys, patterns; const char *rest; } MatchMapping;
        struct { Node *cls; NodeList patterns; const char **kwd_attrs; NodeList kwd_patterns; } MatchClass;
        struct { const char *name; } MatchStar; /* NULL for *_ */
        struct { Node *pattern; const char *name; } MatchAs; /* both may be NULL (`_`) */
        struct { NodeList patterns; } MatchOr;
    } u;
};

extern const char *const ast_kind_names[AST__COUNT];
Node *ast_new(Arena *a, NodeKind kind, int line, int col);
void ast_list_push(Arena *a, NodeList *l, Node *n); /* amortized growth in the arena */
/* Calls fn on n and every node below it, parents first. */
void ast_walk(Node *n, void (*fn)(Node *n, void *ctx), void *ctx);
/* Debug dump in the style of ast.dump(indent=...) for tests of the parser. */
void ast_dump(const Node *n, int indent, void (*out)(const char *s, void *ctx), void *ctx);

#endif
