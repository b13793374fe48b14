/*
 * elf.h -- our own writer of ELF64 relocatable objects (ET_REL, little-endian), which
 * `trident build` links with the runtime. Built in memory (plain malloc: no Python values here),
 * written at once; the machine and its relocation types come from the caller (target-neutral).
 */
#ifndef TR_ELF_H
#define TR_ELF_H

#include <elf.h>

#include "common/base.h"

typedef struct ElfObj ElfObj;

/* What a section holds; decides its type, flags and least alignment. */
typedef enum {
    ELF_SEC_TEXT,   /* code: PROGBITS, AX, align 16, padded with int3 (0xCC) */
    ELF_SEC_RODATA, /* read-only data: PROGBITS, A */
    ELF_SEC_DATA,   /* writable data: PROGBITS, WA (pointer tables filled by ABS64 relocations) */
    ELF_SEC_BSS     /* zeroed data: NOBITS, WA, only a size */
} ElfSecKind;

/* Section handle for elf_symbol: the symbol is undefined (resolved by the link). */
#define ELF_UNDEF (-1)
/* Section handle for elf_symbol: the value is an absolute number, not an address. */
#define ELF_ABS (-2)

ElfObj *elf_new(uint16_t machine); /* EM_X86_64, EM_AARCH64 */
void elf_free(ElfObj *o);

/* The handle (>= 0) of the section named name, made with kind's attributes if new. */
int elf_section(ElfObj *o, const char *name, ElfSecKind kind);
/* Pads sec to a multiple of align (a power of two, 0 or 1 for none), appends n bytes (zeros if
   bytes is NULL; a BSS section only grows) and returns the offset where they start. */
uint64_t elf_append(ElfObj *o, int sec, const void *bytes, size_t n, size_t align);
/* Overwrites n bytes already appended at offset (not for BSS). */
void elf_patch(ElfObj *o, int sec, uint64_t offset, const void *bytes, size_t n);
uint64_t elf_section_size(const ElfObj *o, int sec);

/* Defines a symbol: value is the offset in sec (or the number, for ELF_ABS). Returns its handle.
   A global name is unique: defining a name that elf_extern made undefined completes that symbol
   (same handle); defining a global twice is a bug (asserted). Local names may repeat. sec ==
   ELF_UNDEF declares an undefined symbol (global, NOTYPE), like elf_extern. func gives STT_FUNC,
   otherwise STT_OBJECT (NOTYPE for ELF_ABS). Locals are moved before globals at write time. */
int elf_symbol(ElfObj *o, const char *name, int sec, uint64_t value, uint64_t size, bool global,
               bool func);
/* The symbol named name among globals and undefined ones, created undefined if absent: for calls
   into the runtime and references between compiled functions, in any order. */
int elf_extern(ElfObj *o, const char *name);
/* The section symbol of sec (STT_SECTION, local): for relocations as sec + addend. */
int elf_section_symbol(ElfObj *o, int sec);

/* Records a RELA relocation in sec (kept in .rela<name>): the field at offset gets the value of
   `type` (already the target's: R_X86_64_PLT32, R_X86_64_PC32, R_X86_64_64...) for sym + addend. */
void elf_reloc(ElfObj *o, int sec, uint64_t offset, int sym, uint32_t type, int64_t addend);
/* elf_reloc against elf_extern(o, name). */
void elf_reloc_extern(ElfObj *o, int sec, uint64_t offset, const char *name, uint32_t type,
                      int64_t addend);

/* The whole object file as bytes (malloc()ed, the caller frees); also writes its size. Adds
   .note.GNU-stack (the stack is not executable), .symtab, .strtab and .shstrtab. */
uint8_t *elf_image(ElfObj *o, size_t *size);
/* Writes the object to path: 0, or -1 with errno set (and no partial file left). */
int elf_write(ElfObj *o, const char *path);

#endif
