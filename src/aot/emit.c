/*
 * emit.c -- the object file of a built program (ELF, src/aot/elf.h): .text holds the compiled
 * functions, whose relocations name runtime functions the link resolves; .rodata the marshalled
 * modules and their names; .data the tables of aot.h, pointing into .rodata and .text through
 * ABS64 relocations.
 */
#include "aot/aot_internal.h"
#include "aot/elf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static uint32_t reloc_type(uint8_t kind)
{
    switch (kind) {
    case MC_RELOC_CALL: return R_X86_64_PLT32;
    case MC_RELOC_PC32: return R_X86_64_PC32;
    default: return R_X86_64_64;
    }
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void put64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

typedef struct Emit {
    ElfObj *o;
    int text, rodata, data, rodata_sym;
} Emit;

/* Puts bytes in .rodata; returns their offset. */
static uint64_t rodata(Emit *e, const void *p, size_t n, size_t align)
{
    return elf_append(e->o, e->rodata, p, n, align);
}

/* An ABS64 pointer at .data offset `at` to .rodata offset `off`. */
static void point_rodata(Emit *e, uint64_t at, uint64_t off)
{
    elf_reloc(e->o, e->data, at, e->rodata_sym, R_X86_64_64, (int64_t)off);
}

/* A NUL-terminated string in .rodata, pointed to from .data offset at; NULL stays 0. */
static void string_field(Emit *e, uint64_t at, const char *s)
{
    if (s)
        point_rodata(e, at, rodata(e, s, strlen(s) + 1, 1));
}

static void emit_functions(Emit *e, Build *b)
{
    for (int i = 0; i < b->nfuncs; i++) {
        AotFunc *f = &b->funcs[i];
        uint64_t at = elf_append(e->o, e->text, f->mc.bytes, f->mc.size, 16);
        elf_symbol(e->o, f->sym, e->text, at, f->mc.size, true, true);
        for (int r = 0; r < f->mc.nrelocs; r++) {
            const McReloc *rl = &f->mc.relocs[r];
            elf_reloc_extern(e->o, e->text, at + rl->offset, rl->sym, reloc_type(rl->kind),
                             rl->addend);
        }
    }
}

static void emit_modules(Emit *e, Build *b)
{
    size_t size = (size_t)b->nmods * AOT_MODULE_SIZE;
    uint8_t *table = tr_alloc_atomic(size ? size : 1);
    memset(table, 0, size);
    for (int i = 0; i < b->nmods; i++) { /* the numbers first: the pointers are relocations */
        put32(table + i * AOT_MODULE_SIZE + AOT_MODULE_KIND, b->mods[i]->kind);
        put32(table + i * AOT_MODULE_SIZE + AOT_MODULE_NCODE, (uint32_t)b->mods[i]->ncode);
        put64(table + i * AOT_MODULE_SIZE + AOT_MODULE_DATASIZE, b->mods[i]->data.len);
    }
    uint64_t base = elf_append(e->o, e->data, table, size, 8);
    elf_symbol(e->o, "trident_aot_modules", e->data, base, size, true, false);
    for (int i = 0; i < b->nmods; i++) {
        AotMod *m = b->mods[i];
        uint64_t at = base + (uint64_t)i * AOT_MODULE_SIZE;
        string_field(e, at + AOT_MODULE_NAME, m->name);
        if (m->data.len)
            point_rodata(e, at + AOT_MODULE_DATA, rodata(e, m->data.data, m->data.len, 8));
        string_field(e, at + AOT_MODULE_FILENAME, m->file);
        string_field(e, at + AOT_MODULE_PKGDIR, m->pkgdir);
    }
    uint8_t n[4];
    put32(n, (uint32_t)b->nmods);
    elf_symbol(e->o, "trident_aot_nmodules", e->data, elf_append(e->o, e->data, n, 4, 4), 4,
               true, false);
}

static void emit_natives(Emit *e, Build *b)
{
    size_t size = (size_t)b->nfuncs * AOT_NATIVE_SIZE;
    uint8_t *table = tr_alloc_atomic(size ? size : 1);
    memset(table, 0, size);
    for (int i = 0; i < b->nfuncs; i++) {
        put32(table + i * AOT_NATIVE_SIZE + AOT_NATIVE_MODULE, (uint32_t)b->funcs[i].module);
        put32(table + i * AOT_NATIVE_SIZE + AOT_NATIVE_CODE,
              (uint32_t)b->funcs[i].code | (b->funcs[i].fallback ? AOT_NATIVE_FALLBACK : 0));
    }
    uint64_t base = elf_append(e->o, e->data, table, size, 8);
    elf_symbol(e->o, "trident_aot_natives", e->data, base, size, true, false);
    for (int i = 0; i < b->nfuncs; i++)
        elf_reloc_extern(e->o, e->data, base + (uint64_t)i * AOT_NATIVE_SIZE + AOT_NATIVE_FN,
                         b->funcs[i].sym, R_X86_64_64, 0);
    uint8_t n[4];
    put32(n, (uint32_t)b->nfuncs);
    elf_symbol(e->o, "trident_aot_nnatives", e->data, elf_append(e->o, e->data, n, 4, 4), 4,
               true, false);
}

bool aot_emit(Build *b, const char *path)
{
    Emit e = {.o = elf_new(EM_X86_64)};
    e.text = elf_section(e.o, ".text", ELF_SEC_TEXT);
    e.rodata = elf_section(e.o, ".rodata", ELF_SEC_RODATA);
    e.data = elf_section(e.o, ".data", ELF_SEC_DATA);
    e.rodata_sym = elf_section_symbol(e.o, e.rodata);
    emit_functions(&e, b);
    emit_modules(&e, b);
    emit_natives(&e, b);
    uint64_t dir = elf_append(e.o, e.data, NULL, 8, 8);
    elf_symbol(e.o, "trident_aot_script_dir", e.data, dir, 8, true, false);
    string_field(&e, dir, b->script_dir);
    int r = elf_write(e.o, path);
    int err = errno;
    elf_free(e.o);
    if (r < 0)
        fprintf(stderr, "trident build: cannot write '%s': %s\n", path, strerror(err));
    return r == 0;
}
