/*
 * mcode.h -- machine code as a back-end produces it: bytes plus the relocations that the AOT
 * driver turns into ELF relocations and the JIT resolves in memory. Shared by every target.
 */
#ifndef TR_MCODE_H
#define TR_MCODE_H

#include "common/base.h"

/* Target-neutral relocation kinds; each target maps them to its ELF relocation types. */
typedef enum {
    MC_RELOC_CALL, /* x86-64: 32-bit pc-relative call/jmp operand (R_X86_64_PLT32) */
    MC_RELOC_PC32, /* x86-64: 32-bit pc-relative data reference (R_X86_64_PC32) */
    MC_RELOC_ABS64 /* 64-bit absolute address (R_X86_64_64) */
} McRelocKind;

typedef struct McReloc {
    uint32_t offset; /* where in the code the field to patch starts */
    uint8_t kind;    /* McRelocKind */
    const char *sym; /* symbol name: a runtime function, another compiled function, data */
    int64_t addend;  /* as in ELF RELA: the value is S + A (- P for pc-relative) */
} McReloc;

/* A growable code buffer with its relocations. */
typedef struct McCode {
    uint8_t *bytes;
    size_t size, cap;
    McReloc *relocs;
    int nrelocs, relocs_cap;
} McCode;

void mc_init(McCode *c);
void mc_free(McCode *c);
void mc_byte(McCode *c, uint8_t b);
void mc_bytes(McCode *c, const void *p, size_t n);
void mc_u32(McCode *c, uint32_t v); /* little-endian */
void mc_u64(McCode *c, uint64_t v);
void mc_patch_u32(McCode *c, size_t at, uint32_t v);
/* Records a relocation at the current end of the code (call before emitting the field). */
void mc_reloc(McCode *c, McRelocKind kind, const char *sym, int64_t addend);

#endif
