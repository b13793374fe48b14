/* cmd_dis.c -- `trident dis prog.py` (bytecode, laid out as python3 -m dis prints it) and
   `trident ast prog.py` (the parse tree, as ast.dump prints it). */
#include "bytecode/dis.h"
#include "cli/cli.h"
#include "runtime/runtime.h"

#include <stdio.h>

int cli_cmd_dis(int argc, char **argv)
{
    size_t len;
    char *src = cli_read_file(argv[0], &len);
    if (!src)
        return CLI_USAGE;
    Arena arena;
    arena_init(&arena);
    CodeObj *co = cli_compile(&arena, argv[0], src, len);
    if (co)
        bc_dis(co, stdout);
    fflush(stdout);
    arena_free(&arena);
    return co ? CLI_OK : CLI_ERROR;
}

static void put(const char *s, void *ctx) { fputs(s, (FILE *)ctx); }

int cli_cmd_ast(int argc, char **argv)
{
    size_t len;
    char *src = cli_read_file(argv[0], &len);
    if (!src)
        return CLI_USAGE;
    Arena arena;
    arena_init(&arena);
    Node *mod = cli_parse(&arena, argv[0], src, len);
    if (mod) {
        ast_dump(mod, 0, put, stdout);
        fputc('\n', stdout);
    }
    fflush(stdout);
    arena_free(&arena);
    return mod ? CLI_OK : CLI_ERROR;
}
