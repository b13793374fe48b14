/*
 * cmd_asm.c -- `trident asm prog.py [--func NAME]`: the machine code the compiler generates for
 * each function, disassembled by capstone (display only: the encoder is ours), with the
 * relocations shown as the symbols they name.
 */
#include "backend/backend.h"
#include "cli/cli.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

typedef struct AsmOpts {
    const char *func;
    bool speculate;
    csh cs;
} AsmOpts;

static const McReloc *reloc_in(const McCode *mc, uint64_t start, uint64_t end)
{
    for (int k = 0; k < mc->nrelocs; k++)
        if (mc->relocs[k].offset >= start && mc->relocs[k].offset < end)
            return &mc->relocs[k];
    return NULL;
}

static void show(CodeObj *co, const IrEnv *env, void *ctx)
{
    AsmOpts *o = ctx;
    const char *qual = tr_str_utf8(co->qualname);
    McCode mc;
    mc_init(&mc);
    const char *why = NULL;
    printf("function %s (%s:%d)", qual, tr_str_utf8(co->filename), co->firstlineno);
    if (!backend_compile(co, qual, env, &mc, &why)) {
        printf(": not compiled: %s\n\n", why);
        mc_free(&mc);
        return;
    }
    printf(": %zu bytes\n", mc.size);
    cs_insn *insn;
    size_t n = cs_disasm(o->cs, mc.bytes, mc.size, 0, 0, &insn);
    for (size_t k = 0; k < n; k++) {
        printf("  %5" PRIx64 ":  %-8s %s", insn[k].address, insn[k].mnemonic, insn[k].op_str);
        const McReloc *r = reloc_in(&mc, insn[k].address, insn[k].address + insn[k].size);
        if (r)
            printf("    ; %s", r->sym);
        putchar('\n');
    }
    if (n)
        cs_free(insn, n);
    putchar('\n');
    mc_free(&mc);
}

static const char asm_usage[] =
    "usage: trident asm FILE [--func NAME] [--target x86_64] [--speculate]\n";

int cli_cmd_asm(int argc, char **argv)
{
    AsmOpts o = {0};
    const char *file = NULL;
    for (int k = 0; k < argc; k++) {
        if (!strcmp(argv[k], "--func") && k + 1 < argc)
            o.func = argv[++k];
        else if (!strcmp(argv[k], "--speculate"))
            o.speculate = true;
        else if (!strcmp(argv[k], "--target") && k + 1 < argc && !strcmp(argv[k + 1], "x86_64"))
            k++;
        else if (!file && argv[k][0] != '-')
            file = argv[k];
        else {
            fputs(asm_usage, stderr);
            return CLI_USAGE;
        }
    }
    if (!file) {
        fputs(asm_usage, stderr);
        return CLI_USAGE;
    }
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &o.cs) != CS_ERR_OK) {
        fprintf(stderr, "trident asm: cannot start the disassembler\n");
        return CLI_ERROR;
    }
    cs_option(o.cs, CS_OPT_SYNTAX, CS_OPT_SYNTAX_INTEL);
    int st = cli_each_code("asm", file, o.func, o.speculate, show, &o);
    cs_close(&o.cs);
    return st;
}
