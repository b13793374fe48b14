/*
 * fuzz_compile.c -- libFuzzer harness: arbitrary bytes through parse_module and
 * bc_compile_module. Any crash, sanitizer report, hang or assertion is a bug: bad source must
 * come back as a Diag. Built and run by `make fuzz` (tests/fuzz/run_fuzz.sh).
 */
#include "bytecode/compile.h"
#include "front/parse.h"
#include "runtime/runtime.h"
#include "vm/vm.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    tr_runtime_init(0, NULL);
    vm_init();
    tr_type_ready(&bc_code_type);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* parse_module does not need a NUL, but a private copy lets ASan see reads past the end */
    char *src = malloc(size ? size : 1);
    memcpy(src, data, size);
    Arena arena;
    arena_init(&arena);
    Diag d = {0};
    Node *mod = parse_module(&arena, "<fuzz>", src, size, &d);
    if (mod) {
        memset(&d, 0, sizeof d);
        bc_compile_module(&arena, mod, "<fuzz>", src, size, &d);
    }
    arena_free(&arena);
    free(src);
    return 0;
}
