/*
 * jit.c -- the JIT of jit.h: compile through backend_compile, load into memory that is written
 * first and then made executable (never both at once), calls to the runtime through stubs
 * placed after the code (the runtime may lie more than 2 GB away from the mapping).
 */
#include "jit/jit.h"

#include "backend/backend.h"
#include "backend/rt_symbols.h"
#include "runtime/runtime.h"
#include "vm/vm.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static bool verbose;

void *jit_load(const McCode *mc, const char **why)
{
    size_t stubs = 0;
    for (int k = 0; k < mc->nrelocs; k++)
        if (mc->relocs[k].kind != MC_RELOC_ABS64)
            stubs++;
    size_t code_size = (mc->size + 15) & ~(size_t)15;
    size_t total = code_size + 16 * stubs;
    size_t page = 4096, len = (total + page - 1) & ~(page - 1);
    uint8_t *mem = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
        *why = "out of memory for machine code";
        return NULL;
    }
    memcpy(mem, mc->bytes, mc->size);
    memset(mem + mc->size, 0xCC, code_size - mc->size);
    uint8_t *stub = mem + code_size;
    for (int k = 0; k < mc->nrelocs; k++) {
        const McReloc *r = &mc->relocs[k];
        uint8_t *s = rt_symbol_lookup(r->sym);
        if (!s) {
            munmap(mem, len);
            *why = "generated code names an unknown runtime symbol";
            return NULL;
        }
        uint8_t *p = mem + r->offset;
        if (r->kind == MC_RELOC_ABS64) {
            uint64_t v = (uint64_t)(uintptr_t)s + (uint64_t)r->addend;
            memcpy(p, &v, 8);
            continue;
        }
        /* jmp [rip+0]; .quad target -- a stub in reach of the rel32 */
        uint8_t jmp[6] = {0xFF, 0x25, 0, 0, 0, 0};
        uint64_t target = (uint64_t)(uintptr_t)s;
        memcpy(stub, jmp, 6);
        memcpy(stub + 6, &target, 8);
        int32_t rel = (int32_t)((intptr_t)stub + r->addend - (intptr_t)p);
        memcpy(p, &rel, 4);
        stub += 16;
    }
    if (mprotect(mem, len, PROT_READ | PROT_EXEC) != 0) {
        munmap(mem, len);
        *why = "cannot make machine code executable";
        return NULL;
    }
    return mem;
}

static void compile_hook(CodeObj *co)
{
    co->native_tried = true;
    McCode mc;
    mc_init(&mc);
    const char *why = NULL;
    if (backend_compile(co, "f", NULL, &mc, &why)) {
        void *p = jit_load(&mc, &why);
        if (p)
            co->native = co->mcode = p;
    }
    if (!co->native && verbose)
        fprintf(stderr, "trident jit: %s (%s:%d) runs in the interpreter: %s\n",
                tr_str_utf8(co->qualname), tr_str_utf8(co->filename), co->firstlineno, why);
    mc_free(&mc);
}

void jit_enable_always(bool v)
{
    verbose = v;
    vm_compile_hook = compile_hook;
}
