/* cli.h -- the commands of the trident command line, and what they share. */
#ifndef TR_CLI_H
#define TR_CLI_H

#include "bytecode/code.h"
#include "common/arena.h"
#include "front/ast.h"

/* Exit statuses, as python3 uses them. */
enum { CLI_OK = 0, CLI_ERROR = 1, CLI_USAGE = 2 };

/* Reads a whole file; prints python3's "can't open file" message and returns NULL on failure. */
char *cli_read_file(const char *path, size_t *len);
/* Parses and compiles; prints the SyntaxError and returns NULL on failure. */
Node *cli_parse(Arena *a, const char *filename, const char *src, size_t len);
CodeObj *cli_compile(Arena *a, const char *filename, const char *src, size_t len);

/* Imports (loader.c). The sys.path entry CLI_STDLIB_ROOT stands for the library compiled into
   the binary; its modules' __file__ start with it ("<stdlib>/json/__init__.py"). */
#define CLI_STDLIB_ROOT "<stdlib>"
void cli_loader_install(void); /* sets the runtime's import hook, appends CLI_STDLIB_ROOT */
/* Parses and compiles for import/REPL use: NULL with SyntaxError (etc.) pending on failure. */
CodeObj *cli_compile_module_exc(const char *file, const char *src, size_t len);
/* Path helpers of the module search, shared with `trident build`'s (src/aot/deps.c):
   a/b+c with one slash between a and b (collected memory); regular file; folder. */
char *cli_path_join(const char *a, const char *b, const char *c);
bool cli_is_file(const char *path);
bool cli_is_dir(const char *path);
/* The embedded text of a CLI_STDLIB_ROOT path, or NULL. */
const char *cli_stdlib_source(const char *path, size_t *len);

int cli_repl(void); /* repl.c: the interactive prompt */
/* The dunder names of a __main__ module's globals, in python3's order (cmd_run.c). */
void cli_init_main_globals(TrValue globals);

int cli_run_source(const char *filename, const char *src, size_t len, int argc, char **argv);
int cli_cmd_run(int argc, char **argv); /* argv[0] is the script */
int cli_cmd_dis(int argc, char **argv);
int cli_cmd_ast(int argc, char **argv);
/* code_walk.c: compiles file and calls fn on each code object (pre-order), or only on those
   whose name or qualified name is func; CLI_* status. */
struct IrEnv;
/* env: what the compiler knows about the file's module (direct calls), for backend_compile. */
typedef void (*CliCodeFn)(CodeObj *co, const struct IrEnv *env, void *ctx);
/* speculate: compile as `trident build` compiles first (guesses from the whole module). */
int cli_each_code(const char *cmd, const char *file, const char *func, bool speculate,
                  CliCodeFn fn, void *ctx);
int cli_cmd_ir(int argc, char **argv);
int cli_cmd_asm(int argc, char **argv); /* cmd_asm.c: the generated machine code */  /* cmd_ir.c: the SSA IR of each function */
int cli_cmd_bench(int argc, char **argv); /* cmd_bench.c: time a program in every mode */
int cli_cmd_build(int argc, char **argv); /* cmd_build.c: compile a program to an executable */

#endif
