/*
 * repl.c -- the interactive prompt (`trident` on a terminal), like python3's: `>>> ` and `... `
 * prompts, a compound statement continues until an empty line, expression results are shown
 * with repr (and kept in builtins._), a traceback does not end the session, EOF exits.
 * Line editing and history come from libedit's readline interface.
 */
#include "cli/cli.h"
#include "bytecode/compile.h"
#include "front/parse.h"
#include "runtime/runtime.h"
#include "common/strbuf.h"
#include "vm/vm.h"

#include <editline/readline.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPL_VERSION "0.1.0"

/* sys.displayhook's job, which PRINT_EXPR does in CPython's interactive mode: the compiled
   input calls this on every top-level expression statement. */
static TrValue display(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrValue v = args[0];
    if (v == TR_NONE)
        return TR_NONE;
    TrValue bdict = ((TrModule *)tr_obj(tr_builtins_module()))->dict;
    tr_dict_set_cstr(bdict, "_", TR_NONE);
    TrValue s = tr_repr(v);
    if (s == TR_ERR || tr_file_write_str(tr_sys_stdout(), s) < 0 ||
        tr_file_write_str(tr_sys_stdout(), tr_str_from_cstr("\n")) < 0)
        return TR_ERR;
    tr_dict_set_cstr(bdict, "_", v);
    return TR_NONE;
}

static TrValue display_fn;

/* Ctrl-C at the prompt drops the input typed so far, as python3 does. (While code runs, the
   default action applies: the VM has no interrupt check yet.) */
static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

static void sigint_at_prompt(bool on)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on ? on_sigint : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

static Node *display_call(Arena *a, Node *e)
{
    Node *fn = ARENA_NEW(a, Node), *call = ARENA_NEW(a, Node);
    *fn = *e;
    fn->kind = AST_Constant;
    fn->u.Constant.value = display_fn;
    fn->u.Constant.kind = NULL;
    *call = *e;
    call->kind = AST_Call;
    call->u.Call.func = fn;
    call->u.Call.args.items = ARENA_ARRAY(a, Node *, 1);
    call->u.Call.args.items[0] = e;
    call->u.Call.args.len = 1;
    call->u.Call.keywords.items = NULL;
    call->u.Call.keywords.len = 0;
    return call;
}

/* Wraps every expression statement `e` of the input as `display(e)` (CPython's 'single' mode
   prints them at any depth of the statement, e.g. `for i in r: i`, but not inside function or
   class bodies). The function object sits in the call as a constant: no namespace sees it. */
static void wrap_expressions(Arena *a, NodeList *body)
{
    for (int i = 0; i < body->len; i++) {
        Node *st = body->items[i];
        switch (st->kind) {
        case AST_Expr:
            st->u.Expr.value = display_call(a, st->u.Expr.value);
            break;
        case AST_For: case AST_AsyncFor:
            wrap_expressions(a, &st->u.For.body);
            wrap_expressions(a, &st->u.For.orelse);
            break;
        case AST_While:
            wrap_expressions(a, &st->u.While.body);
            wrap_expressions(a, &st->u.While.orelse);
            break;
        case AST_If:
            wrap_expressions(a, &st->u.If.body);
            wrap_expressions(a, &st->u.If.orelse);
            break;
        case AST_With: case AST_AsyncWith:
            wrap_expressions(a, &st->u.With.body);
            break;
        case AST_Try: case AST_TryStar:
            wrap_expressions(a, &st->u.Try.body);
            for (int h = 0; h < st->u.Try.handlers.len; h++)
                wrap_expressions(a, &st->u.Try.handlers.items[h]->u.ExceptHandler.body);
            wrap_expressions(a, &st->u.Try.orelse);
            wrap_expressions(a, &st->u.Try.finalbody);
            break;
        case AST_Match:
            for (int c = 0; c < st->u.Match.cases.len; c++)
                wrap_expressions(a, &st->u.Match.cases.items[c]->u.match_case.body);
            break;
        default:
            break;
        }
    }
}

static bool is_compound(const Node *st)
{
    switch (st->kind) {
    case AST_FunctionDef: case AST_AsyncFunctionDef: case AST_ClassDef: case AST_For:
    case AST_AsyncFor: case AST_While: case AST_If: case AST_With: case AST_AsyncWith:
    case AST_Match: case AST_Try: case AST_TryStar:
        return true;
    default:
        return false;
    }
}

/* The error of a parse that ran out of input: more lines may complete it. */
static bool incomplete_error(const Diag *d, const char *src, size_t len)
{
    static const char *const msgs[] = {
        "was never closed", "unterminated triple-quoted string", "unexpected EOF",
        "expected an indented block",
    };
    for (size_t i = 0; i < TR_ARRAY_LEN(msgs); i++)
        if (d->msg && strstr(d->msg, msgs[i]))
            return true;
    /* a backslash continuation at the very end */
    size_t n = len;
    while (n > 0 && (src[n - 1] == '\n' || src[n - 1] == ' '))
        n--;
    return n > 0 && src[n - 1] == '\\';
}

enum { INPUT_COMPLETE, INPUT_MORE, INPUT_BLOCK, INPUT_ERROR };

/* What the buffer needs: run it now, more lines, or lines up to an empty one (a block). */
static int classify(const char *src, size_t len)
{
    Arena a;
    arena_init(&a);
    Diag d = {0};
    Node *mod = parse_module(&a, "<stdin>", src, len, &d);
    int r;
    if (mod)
        r = mod->u.Module.body.len && is_compound(mod->u.Module.body.items[0]) ? INPUT_BLOCK
                                                                            : INPUT_COMPLETE;
    else if (src[0] == '@' || (d.msg && strstr(d.msg, "expected an indented block")))
        r = INPUT_BLOCK;
    else
        r = incomplete_error(&d, src, len) ? INPUT_MORE : INPUT_ERROR;
    arena_free(&a);
    return r;
}

/* Compiles and runs one input; returns -1 when the session must end (SystemExit), with the
   exit status in *status. */
static int run_input(const char *src, size_t len, TrValue globals, int *status)
{
    Arena a;
    arena_init(&a);
    Diag d = {0};
    Node *mod = parse_module(&a, "<stdin>", src, len, &d);
    CodeObj *co = NULL;
    if (mod) {
        wrap_expressions(&a, &mod->u.Module.body);
        co = bc_compile_module(&a, mod, "<stdin>", src, len, &d);
    }
    if (!co) {
        fflush(stdout);
        diag_print(&d);
        arena_free(&a);
        return 0;
    }
    arena_free(&a);
    TrValue r = vm_run_module(co, globals);
    tr_io_flush_std();
    if (r != TR_ERR)
        return 0;
    TrValue exc = tr_err_fetch();
    if (tr_isinstance(exc, &tr_SystemExit)) {
        *status = tr_exc_handle_uncaught(exc);
        return -1;
    }
    tr_exc_print(exc);
    return 0;
}

static const char *prompt(const char *name, const char *dflt)
{
    TrValue p = tr_getattr_opt(tr_sys_module(), tr_str_intern_cstr(name));
    TrValue s = p && p != TR_ERR ? tr_str(p) : 0;
    if (!s || s == TR_ERR) {
        tr_err_clear();
        return dflt;
    }
    return tr_str_utf8(s);
}

static char *history_file(void)
{
    const char *home = getenv("HOME");
    if (!home || !*home)
        return NULL;
    size_t n = strlen(home) + 32;
    char *p = malloc(n);
    snprintf(p, n, "%s/.trident_history", home);
    return p;
}

int cli_repl(void)
{
    char *dash = "";
    tr_sys_set_argv(1, &dash);
    TrValue path = tr_getattr_cstr(tr_sys_module(), "path");
    if (path != TR_ERR && tr_is_list(path)) {
        TrList *l = tr_as_list(path);
        tr_list_append(path, TR_NONE);
        for (int64_t i = l->len - 1; i > 0; i--)
            l->items[i] = l->items[i - 1];
        l->items[0] = tr_str_empty();
    }
    tr_err_clear();
    tr_module_add(tr_sys_module(), "ps1", tr_str_from_cstr(">>> "));
    tr_module_add(tr_sys_module(), "ps2", tr_str_from_cstr("... "));
    display_fn = tr_builtin_new("displayhook", display, 0);
    TrValue main_name = tr_str_intern_cstr("__main__");
    TrValue mod = tr_module_new(main_name);
    TrValue globals = ((TrModule *)tr_obj(mod))->dict;
    cli_init_main_globals(globals);
    tr_dict_set(tr_sys_modules(), main_name, mod);

    fprintf(stderr, "trident %s (Python 3.11) on linux\n"
                    "Type \"exit()\" or Ctrl-D to leave.\n", REPL_VERSION);
    char *hist = history_file();
    using_history();
    if (hist)
        read_history(hist);

    StrBuf buf;
    sb_init(&buf);
    bool block = false;
    int status = CLI_OK;
    for (;;) {
        const char *p = buf.len ? prompt("ps2", "... ") : prompt("ps1", ">>> ");
        interrupted = 0;
        sigint_at_prompt(true);
        char *line = readline(p);
        sigint_at_prompt(false);
        if (interrupted) {
            free(line);
            fputs("\nKeyboardInterrupt\n", stdout);
            fflush(stdout);
            sb_init(&buf);
            block = false;
            continue;
        }
        if (!line) { /* EOF */
            fputc('\n', stdout);
            break;
        }
        bool blank = line[strspn(line, " \t\f\r")] == 0;
        if (!blank)
            add_history(line);
        if (!buf.len && blank) {
            free(line);
            continue;
        }
        sb_puts(&buf, line);
        sb_putc(&buf, '\n');
        free(line);
        if (block && !blank)
            continue;
        int kind = block ? INPUT_COMPLETE : classify(sb_cstr(&buf), buf.len);
        if (kind == INPUT_MORE)
            continue;
        if (kind == INPUT_BLOCK) {
            block = true;
            continue;
        }
        int r = run_input(sb_cstr(&buf), buf.len, globals, &status);
        sb_init(&buf);
        block = false;
        if (r < 0)
            break;
    }
    if (hist) {
        write_history(hist);
        free(hist);
    }
    tr_runtime_fini();
    return status;
}
