/*
 * modules.c -- the modules an AOT executable carries (trident_aot_modules, aot.h): unmarshals a
 * module's code objects, points those that were compiled at their machine code, and serves
 * imports from the table (the runtime's tr_import_file_hook) instead of the file system.
 */
#include "aot/exe/exe.h"
#include "bytecode/marshal.h"
#include "runtime/runtime.h"
#include "vm/run.h"

#include <string.h>

typedef struct Codes {
    CodeObj **v;
    uint32_t n;
} Codes;

static void collect(CodeObj *co, int index, void *ctx)
{
    Codes *c = ctx;
    if ((uint32_t)index < c->n)
        c->v[index] = co;
}

CodeObj *aot_exe_load_code(uint32_t m)
{
    const AotModule *mod = &trident_aot_modules[m];
    CodeObj *co = bc_unmarshal(mod->data, mod->size);
    if (!co)
        return NULL;
    Codes codes = {tr_alloc(sizeof(CodeObj *) * (mod->ncode + 1)), mod->ncode};
    bc_code_walk(co, collect, &codes);
    /* natives are sorted by module: find the first of m, take them while they last */
    uint32_t lo = 0, hi = trident_aot_nnatives;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (trident_aot_natives[mid].module < m)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t i = lo; i < trident_aot_nnatives && trident_aot_natives[i].module == m; i++) {
        const AotNative *n = &trident_aot_natives[i];
        uint32_t c = n->code & ~AOT_NATIVE_FALLBACK;
        if (c >= codes.n || !codes.v[c])
            continue;
        if (n->code & AOT_NATIVE_FALLBACK)
            codes.v[c]->fallback = n->fn;
        else
            codes.v[c]->native = codes.v[c]->mcode = n->fn;
    }
    return co;
}

/* The entry of a dotted name (modules 1.. are sorted by name), or 0. */
static uint32_t find(const char *name)
{
    uint32_t lo = 1, hi = trident_aot_nmodules;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        int c = strcmp(trident_aot_modules[mid].name, name);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static TrValue raise_syntax_error(const AotModule *mod)
{
    TrValue t = bc_unmarshal_value(mod->data, mod->size);
    if (t == TR_ERR)
        return TR_ERR;
    TrValue *f = tr_as_tuple(t)->items; /* (type, msg, file, line, col, end_col, text) */
    return vm_raise_syntax_error(tr_str_utf8(f[0]), tr_str_utf8(f[1]), tr_str_utf8(f[2]),
                                 (int)tr_small_val(f[3]), (int)tr_small_val(f[4]),
                                 (int)tr_small_val(f[5]),
                                 f[6] == TR_NONE ? NULL : tr_str_utf8(f[6]));
}

/* tr_import_file_hook: name is absolute; its parent package, if any, is imported already. */
static TrValue import_module(TrValue name)
{
    uint32_t m = find(tr_str_utf8(name));
    if (!m)
        return 0;
    const AotModule *mod = &trident_aot_modules[m];
    switch (mod->kind) {
    case AOT_MOD_NAMESPACE:
        return vm_namespace_module(name, mod->pkgdir);
    case AOT_MOD_SYNTAX_ERROR:
        return raise_syntax_error(mod);
    default: {
        CodeObj *co = aot_exe_load_code(m);
        return co ? vm_exec_module(name, co, mod->filename, mod->pkgdir) : TR_ERR;
    }
    }
}

void aot_exe_loader_install(void)
{
    tr_import_file_hook = import_module;
    TrValue path = tr_getattr_cstr(tr_sys_module(), "path");
    if (path == TR_ERR || !tr_is_list(path)) {
        tr_err_clear();
        return;
    }
    /* what `trident run` shows: the script's folder first, the embedded library last */
    tr_list_append(path, tr_str_from_cstr(trident_aot_script_dir));
    tr_list_append(path, tr_str_from_cstr("<stdlib>"));
}
