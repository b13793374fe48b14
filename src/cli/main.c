/*
 * main.c -- the trident command line: picks the command and hands over. Usage errors (an
 * unknown option, a missing file) exit with status 2, as python3 does.
 */
#include "cli/cli.h"
#include "runtime/runtime.h"
#include "common/strbuf.h"
#include "jit/jit.h"
#include "vm/vm.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define TRIDENT_VERSION "0.1.0"

static const char usage[] =
    "usage: trident [option] [file | -c cmd | command file] [arg] ...\n"
    "Runs a Python 3.11 program with trident.\n"
    "\n"
    "Commands:\n"
    "  run FILE [arg ...]   run a program in the interpreter (same as: trident FILE)\n"
    "  build FILE -o EXE    compile a program to a standalone executable (-v: what compiled)\n"
    "  dis FILE             show the bytecode, laid out as `python3 -m dis` does\n"
    "  ast FILE             show the syntax tree, as `ast.dump` does\n"
    "  bench FILE [arg ...] time FILE in every mode, python3 and pypy3 (bench -h: options)\n"
    "  ir FILE [--func NAME] [--after PASS] [--speculate]\n"
    "                       show the SSA IR of each function, built and optimized\n"
    "                       (--speculate: with the guesses `build` makes)\n"
    "  asm FILE [--func NAME] [--speculate]\n"
    "                       show the x86-64 machine code of each function, disassembled\n"
    "\n"
    "Options:\n"
    "  -c cmd               run the program passed as a string\n"
    "  --jit=off|always     always: compile every function to machine code before it runs\n"
    "  -h, --help           show this help and exit\n"
    "  -V, --version        show the version and exit\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "usage: trident [option] [file | -c cmd | command file] [arg] ...\n"
                    "Try `trident --help' for more information.\n");
    return CLI_USAGE;
}

static int need_file(int argc, char **argv, const char *cmd, int (*fn)(int, char **))
{
    if (argc < 1)
        return usage_error("trident %s: missing file name\n", cmd);
    return fn(argc, argv);
}

int main(int argc, char **argv)
{
    tr_runtime_init(0, NULL);
    vm_init();
    tr_type_ready(&bc_code_type);
    cli_loader_install();

    if (argc < 2) {
        if (isatty(0))
            return cli_repl();
        /* a program piped on stdin */
        StrBuf sb;
        sb_init(&sb);
        char buf[65536];
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, stdin)) > 0)
            sb_append(&sb, buf, k);
        char *dash = "-";
        return cli_run_source("<stdin>", sb_cstr(&sb), sb.len, 1, &dash);
    }
    /* --jit=off|always before the command (always: compile every function before it first
       runs; `on`, with counters, comes with the JIT's tiers) */
    while (argc >= 2 && !strncmp(argv[1], "--jit=", 6)) {
        const char *m = argv[1] + 6;
        if (!strcmp(m, "always") || !strcmp(m, "always-verbose"))
            jit_enable_always(!strcmp(m, "always-verbose"));
        else if (strcmp(m, "off"))
            return usage_error("trident: unknown JIT mode '%s' (off, always)\n", m);
        argv[1] = argv[0];
        argv++;
        argc--;
    }
    if (argc < 2)
        return usage_error("trident: %s\n", "missing file name after --jit");
    const char *a = argv[1];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
        fputs(usage, stdout);
        return CLI_OK;
    }
    if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
        printf("trident %s (Python 3.11)\n", TRIDENT_VERSION);
        return CLI_OK;
    }
    if (!strcmp(a, "-c")) {
        if (argc < 3)
            return usage_error("Argument expected for the %s option\n", "-c");
        const char *code = argv[2];
        argv[2] = "-c"; /* sys.argv[0] is '-c', as in python3 */
        return cli_run_source("<string>", code, strlen(code), argc - 2, argv + 2);
    }
    if (!strcmp(a, "run"))
        return need_file(argc - 2, argv + 2, "run", cli_cmd_run);
    if (!strcmp(a, "dis"))
        return need_file(argc - 2, argv + 2, "dis", cli_cmd_dis);
    if (!strcmp(a, "ast"))
        return need_file(argc - 2, argv + 2, "ast", cli_cmd_ast);
    if (!strcmp(a, "asm"))
        return need_file(argc - 2, argv + 2, "asm", cli_cmd_asm);
    if (!strcmp(a, "ir"))
        return need_file(argc - 2, argv + 2, "ir", cli_cmd_ir);
    if (!strcmp(a, "build"))
        return cli_cmd_build(argc - 2, argv + 2);
    if (!strcmp(a, "bench"))
        return cli_cmd_bench(argc - 2, argv + 2);
    if (a[0] == '-' && a[1] != 0)
        return usage_error("Unknown option: %s\n", a);
    return cli_cmd_run(argc - 1, argv + 1);
}
