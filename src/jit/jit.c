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

/* What the compiler knows of the modules seen (program.h), made when their first function is
   compiled and kept (small: a few words per module-level def). The table is collected memory
   reached from this static, so the module code objects (and through their constants, the
   names and code objects the arena's arrays point to) live as long as it. */
typedef struct ModEnv {
    CodeObj *module;
    IrEnv env;
} ModEnv;
static ModEnv *mod_envs;
static int nmod_envs, cap_mod_envs;
static Arena env_arena;

static const char *any_sym(void *ctx, CodeObj *co) { return "jit"; } /* guards use code objects */

static const IrEnv *module_env(CodeObj *module)
{
    if (!module)
        return NULL;
    for (int k = nmod_envs - 1; k >= 0; k--)
        if (mod_envs[k].module == module)
            return &mod_envs[k].env;
    if (nmod_envs == cap_mod_envs) {
        if (!cap_mod_envs)
            arena_init(&env_arena);
        cap_mod_envs = cap_mod_envs ? cap_mod_envs * 2 : 8;
        ModEnv *n = tr_alloc(sizeof(ModEnv) * (size_t)cap_mod_envs);
        if (nmod_envs)
            memcpy(n, mod_envs, sizeof(ModEnv) * (size_t)nmod_envs);
        mod_envs = n;
    }
    ModEnv *m = &mod_envs[nmod_envs++];
    m->module = module;
    ir_env_module(&m->env, &env_arena, module, any_sym, NULL);
    m->env.by_code = true;
    return &m->env;
}

static void compile_hook(CodeObj *co, CodeObj *module)
{
    co->native_tried = true;
    McCode mc;
    mc_init(&mc);
    const char *why = NULL;
    if (backend_compile(co, "f", module_env(module), &mc, &why)) {
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
