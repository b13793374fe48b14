/*
 * elf.c -- writes ELF64 relocatable objects (System V gABI, "Object Files"; little-endian only).
 * Sections, symbols and relocations are collected in handle order; elf_image lays the file out:
 * header, each section's bytes followed by its .rela section, .note.GNU-stack, .symtab (locals
 * first, as the gABI requires), .strtab, .shstrtab, then the section header table.
 */
#include "aot/elf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    uint64_t offset;
    int sym;
    uint32_t type;
    int64_t addend;
} Reloc;

typedef struct {
    char *name;
    ElfSecKind kind;
    uint8_t *data; /* NULL for BSS */
    uint64_t size, cap, align;
    Reloc *relocs;
    int nrelocs, relocs_cap;
    int secsym; /* handle of its STT_SECTION symbol, -1 until asked for */
} Section;

typedef struct {
    char *name;
    int sec; /* handle, ELF_UNDEF or ELF_ABS */
    uint64_t value, size;
    uint8_t bind, type; /* STB_*, STT_* */
} Symbol;

struct ElfObj {
    uint16_t machine;
    Section *secs;
    int nsecs, secs_cap;
    Symbol *syms;
    int nsyms, syms_cap;
    int *names; /* open addressing: handle + 1 of global/undefined symbols by name; 0 = empty */
    int names_cap, nnames;
};

/* --- Memory ---------------------------------------------------------------------------------- */

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("trident: out of memory\n", stderr);
        abort();
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

/* Makes room for one more item in a growable array of `size`-byte items. */
static void *grow(void *items, int count, int *cap, size_t size)
{
    if (count < *cap)
        return items;
    *cap = *cap ? *cap * 2 : 8;
    return xrealloc(items, (size_t)*cap * size);
}

ElfObj *elf_new(uint16_t machine)
{
    ElfObj *o = xrealloc(NULL, sizeof *o);
    memset(o, 0, sizeof *o);
    o->machine = machine;
    return o;
}

void elf_free(ElfObj *o)
{
    if (!o)
        return;
    for (int i = 0; i < o->nsecs; i++) {
        free(o->secs[i].name);
        free(o->secs[i].data);
        free(o->secs[i].relocs);
    }
    for (int i = 0; i < o->nsyms; i++)
        free(o->syms[i].name);
    free(o->secs);
    free(o->syms);
    free(o->names);
    free(o);
}

/* --- Sections -------------------------------------------------------------------------------- */

int elf_section(ElfObj *o, const char *name, ElfSecKind kind)
{
    for (int i = 0; i < o->nsecs; i++) {
        if (strcmp(o->secs[i].name, name) == 0) {
            TR_ASSERT(o->secs[i].kind == kind);
            return i;
        }
    }
    o->secs = grow(o->secs, o->nsecs, &o->secs_cap, sizeof *o->secs);
    Section *s = &o->secs[o->nsecs];
    memset(s, 0, sizeof *s);
    s->name = xstrdup(name);
    s->kind = kind;
    s->align = kind == ELF_SEC_TEXT ? 16 : 1;
    s->secsym = -1;
    return o->nsecs++;
}

static Section *section(const ElfObj *o, int sec)
{
    TR_ASSERT(sec >= 0 && sec < o->nsecs);
    return &o->secs[sec];
}

/* Grows s to new_size; the new bytes are `fill`. */
static void extend(Section *s, uint64_t new_size, uint8_t fill)
{
    if (s->kind != ELF_SEC_BSS && new_size > s->size) {
        if (new_size > s->cap) {
            uint64_t cap = s->cap ? s->cap : 256;
            while (cap < new_size)
                cap *= 2;
            s->data = xrealloc(s->data, cap);
            s->cap = cap;
        }
        memset(s->data + s->size, fill, new_size - s->size);
    }
    s->size = new_size;
}

uint64_t elf_append(ElfObj *o, int sec, const void *bytes, size_t n, size_t align)
{
    Section *s = section(o, sec);
    TR_ASSERT(!(bytes && s->kind == ELF_SEC_BSS));
    if (align > 1) {
        TR_ASSERT((align & (align - 1)) == 0);
        if (align > s->align)
            s->align = align;
        /* int3 between x86 functions: a stray jump traps instead of sliding into the next one */
        uint8_t fill = s->kind == ELF_SEC_TEXT && o->machine == EM_X86_64 ? 0xCC : 0;
        extend(s, (s->size + align - 1) & ~(uint64_t)(align - 1), fill);
    }
    uint64_t at = s->size;
    extend(s, at + n, 0);
    if (bytes && n)
        memcpy(s->data + at, bytes, n);
    return at;
}

void elf_patch(ElfObj *o, int sec, uint64_t offset, const void *bytes, size_t n)
{
    Section *s = section(o, sec);
    TR_ASSERT(s->kind != ELF_SEC_BSS && offset <= s->size && n <= s->size - offset);
    memcpy(s->data + offset, bytes, n);
}

uint64_t elf_section_size(const ElfObj *o, int sec)
{
    return section(o, sec)->size;
}

/* --- Symbols --------------------------------------------------------------------------------- */

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

/* The slot of name in o->names: where it is, or the empty slot where it belongs. */
static int *slot(const ElfObj *o, const char *name)
{
    uint32_t mask = (uint32_t)o->names_cap - 1;
    for (uint32_t i = hash(name) & mask;; i = (i + 1) & mask) {
        int *p = &o->names[i];
        if (*p == 0 || strcmp(o->syms[*p - 1].name, name) == 0)
            return p;
    }
}

static int lookup(const ElfObj *o, const char *name)
{
    return o->names_cap ? *slot(o, name) - 1 : -1;
}

static void remember(ElfObj *o, int handle)
{
    if (2 * (o->nnames + 1) > o->names_cap) { /* keep the load under a half */
        int *old = o->names, old_cap = o->names_cap;
        o->names_cap = old_cap ? old_cap * 2 : 64;
        o->names = xrealloc(NULL, (size_t)o->names_cap * sizeof *o->names);
        memset(o->names, 0, (size_t)o->names_cap * sizeof *o->names);
        for (int i = 0; i < old_cap; i++)
            if (old[i])
                *slot(o, o->syms[old[i] - 1].name) = old[i];
        free(old);
    }
    *slot(o, o->syms[handle].name) = handle + 1;
    o->nnames++;
}

static int add_symbol(ElfObj *o, const char *name)
{
    o->syms = grow(o->syms, o->nsyms, &o->syms_cap, sizeof *o->syms);
    Symbol *y = &o->syms[o->nsyms];
    memset(y, 0, sizeof *y);
    y->name = xstrdup(name);
    y->sec = ELF_UNDEF;
    y->bind = STB_GLOBAL; /* an undefined symbol must be global: STB_LOCAL ones never resolve */
    y->type = STT_NOTYPE;
    return o->nsyms++;
}

int elf_extern(ElfObj *o, const char *name)
{
    int h = lookup(o, name);
    if (h < 0) {
        h = add_symbol(o, name);
        remember(o, h);
    }
    return h;
}

int elf_symbol(ElfObj *o, const char *name, int sec, uint64_t value, uint64_t size, bool global,
               bool func)
{
    if (sec == ELF_UNDEF)
        return elf_extern(o, name);
    TR_ASSERT(sec == ELF_ABS || (sec >= 0 && sec < o->nsecs));
    int h = lookup(o, name);
    if (h >= 0 && o->syms[h].sec != ELF_UNDEF) {
        TR_ASSERT(!global); /* a global name defined twice */
        h = -1;             /* a local may share its name with any other symbol */
    }
    if (h < 0) {
        h = add_symbol(o, name);
        if (global)
            remember(o, h);
    }
    /* Completing an undefined symbol keeps its handle, so relocations made earlier now point at
       this definition (and, if it is local, resolve inside the object). */
    Symbol *y = &o->syms[h];
    y->sec = sec;
    y->value = value;
    y->size = size;
    y->bind = global ? STB_GLOBAL : STB_LOCAL;
    y->type = func ? STT_FUNC : sec == ELF_ABS ? STT_NOTYPE : STT_OBJECT;
    return h;
}

int elf_section_symbol(ElfObj *o, int sec)
{
    Section *s = section(o, sec);
    if (s->secsym < 0) {
        int h = add_symbol(o, "");
        o->syms[h].sec = sec;
        o->syms[h].bind = STB_LOCAL;
        o->syms[h].type = STT_SECTION;
        o->secs[sec].secsym = h; /* add_symbol does not move secs: s is still valid */
    }
    return s->secsym;
}

/* --- Relocations ----------------------------------------------------------------------------- */

void elf_reloc(ElfObj *o, int sec, uint64_t offset, int sym, uint32_t type, int64_t addend)
{
    Section *s = section(o, sec);
    TR_ASSERT(sym >= 0 && sym < o->nsyms && s->kind != ELF_SEC_BSS);
    s->relocs = grow(s->relocs, s->nrelocs, &s->relocs_cap, sizeof *s->relocs);
    s->relocs[s->nrelocs++] = (Reloc){offset, sym, type, addend};
}

void elf_reloc_extern(ElfObj *o, int sec, uint64_t offset, const char *name, uint32_t type,
                      int64_t addend)
{
    elf_reloc(o, sec, offset, elf_extern(o, name), type, addend);
}

/* --- Writing --------------------------------------------------------------------------------- */

typedef struct {
    uint8_t *p;
    size_t n, cap;
} Buf;

static size_t put(Buf *b, const void *bytes, size_t n)
{
    if (n == 0) /* memcpy must not see the NULL of an empty section */
        return b->n;
    if (b->n + n > b->cap) {
        b->cap = b->cap ? b->cap : 4096;
        while (b->cap < b->n + n)
            b->cap *= 2;
        b->p = xrealloc(b->p, b->cap);
    }
    size_t at = b->n;
    if (bytes)
        memcpy(b->p + at, bytes, n);
    else
        memset(b->p + at, 0, n);
    b->n += n;
    return at;
}

static size_t pad(Buf *b, size_t align)
{
    put(b, NULL, (align - b->n % align) % align);
    return b->n;
}

static uint32_t put_str(Buf *b, const char *s) /* into a string table: its offset */
{
    return (uint32_t)put(b, s, strlen(s) + 1);
}

/* Section header indexes of the file: user sections with their .rela right after them, then
   the fixed ones. */
typedef struct {
    int *sec, *rela; /* by section handle; rela is 0 when the section has no relocations */
    int note, symtab, strtab, shstrtab, count;
} Layout;

static void number_sections(const ElfObj *o, Layout *l)
{
    l->sec = xrealloc(NULL, (size_t)o->nsecs * sizeof(int));
    l->rela = xrealloc(NULL, (size_t)o->nsecs * sizeof(int));
    int next = 1; /* 0 is SHN_UNDEF */
    for (int i = 0; i < o->nsecs; i++) {
        l->sec[i] = next++;
        l->rela[i] = o->secs[i].nrelocs ? next++ : 0;
    }
    l->note = next++;
    l->symtab = next++;
    l->strtab = next++;
    l->shstrtab = next++;
    l->count = next;
    TR_ASSERT(l->count < SHN_LORESERVE); /* else we would need extended section numbering */
}

/* Writes .symtab's entries into b and .strtab into str; sets index[handle] to each symbol's
   place. Returns the index of the first global (sh_info). */
static int write_symbols(const ElfObj *o, const Layout *l, int *index, Buf *b, Buf *str)
{
    put(b, NULL, sizeof(Elf64_Sym)); /* entry 0: STN_UNDEF */
    int next = 1, first_global = 0;
    for (int pass = 0; pass < 2; pass++) { /* locals, then globals: each in handle order */
        if (pass == 1)
            first_global = next;
        for (int h = 0; h < o->nsyms; h++) {
            const Symbol *y = &o->syms[h];
            if ((y->bind == STB_LOCAL) != (pass == 0))
                continue;
            Elf64_Sym e = {0};
            e.st_name = y->name[0] ? put_str(str, y->name) : 0;
            e.st_info = ELF64_ST_INFO(y->bind, y->type);
            e.st_other = STV_DEFAULT;
            e.st_shndx = y->sec == ELF_UNDEF ? SHN_UNDEF
                         : y->sec == ELF_ABS ? SHN_ABS
                                             : (Elf64_Section)l->sec[y->sec];
            e.st_value = y->value;
            e.st_size = y->size;
            put(b, &e, sizeof e);
            index[h] = next++;
        }
    }
    return first_global;
}

static void header(Buf *b, size_t at, uint32_t name, uint32_t type, uint64_t flags, uint64_t offset,
                   uint64_t size, uint32_t link, uint32_t info, uint64_t align, uint64_t entsize)
{
    Elf64_Shdr h = {name, type, flags, 0, offset, size, link, info, align, entsize};
    memcpy(b->p + at, &h, sizeof h);
}

static const uint32_t sec_type[] = {SHT_PROGBITS, SHT_PROGBITS, SHT_PROGBITS, SHT_NOBITS};
static const uint64_t sec_flags[] = {SHF_ALLOC | SHF_EXECINSTR, SHF_ALLOC, SHF_ALLOC | SHF_WRITE,
                                     SHF_ALLOC | SHF_WRITE};

uint8_t *elf_image(ElfObj *o, size_t *size)
{
    Layout l;
    number_sections(o, &l);
    Buf f = {0}, shdrs = {0}, shstr = {0}, syms = {0}, str = {0};
    put(&shstr, "", 1);
    put(&str, "", 1);
    put(&shdrs, NULL, (size_t)l.count * sizeof(Elf64_Shdr)); /* header 0 stays all zeros */
    put(&f, NULL, sizeof(Elf64_Ehdr));                       /* filled in last */

    int *index = xrealloc(NULL, (size_t)(o->nsyms ? o->nsyms : 1) * sizeof(int));
    int first_global = write_symbols(o, &l, index, &syms, &str);

    for (int i = 0; i < o->nsecs; i++) {
        const Section *s = &o->secs[i];
        size_t at = pad(&f, s->align);
        if (s->kind != ELF_SEC_BSS)
            put(&f, s->data, s->size);
        uint32_t name = put_str(&shstr, s->name);
        header(&shdrs, (size_t)l.sec[i] * sizeof(Elf64_Shdr), name, sec_type[s->kind],
               sec_flags[s->kind], at, s->size, 0, 0, s->align, 0);
        if (!s->nrelocs)
            continue;
        at = pad(&f, 8);
        for (int r = 0; r < s->nrelocs; r++) {
            const Reloc *x = &s->relocs[r];
            Elf64_Rela e = {x->offset, ELF64_R_INFO((uint64_t)index[x->sym], x->type), x->addend};
            put(&f, &e, sizeof e);
        }
        char rname[256];
        snprintf(rname, sizeof rname, ".rela%s", s->name);
        header(&shdrs, (size_t)l.rela[i] * sizeof(Elf64_Shdr), put_str(&shstr, rname), SHT_RELA,
               SHF_INFO_LINK, at, (uint64_t)s->nrelocs * sizeof(Elf64_Rela), (uint32_t)l.symtab,
               (uint32_t)l.sec[i], 8, sizeof(Elf64_Rela));
    }
    /* An empty .note.GNU-stack without SHF_EXECINSTR: the linker then keeps the stack
       non-executable (and does not warn that the object lacks the note). */
    header(&shdrs, (size_t)l.note * sizeof(Elf64_Shdr), put_str(&shstr, ".note.GNU-stack"),
           SHT_PROGBITS, 0, f.n, 0, 0, 0, 1, 0);
    size_t at = pad(&f, 8);
    put(&f, syms.p, syms.n);
    header(&shdrs, (size_t)l.symtab * sizeof(Elf64_Shdr), put_str(&shstr, ".symtab"), SHT_SYMTAB, 0,
           at, syms.n, (uint32_t)l.strtab, (uint32_t)first_global, 8, sizeof(Elf64_Sym));
    at = put(&f, str.p, str.n);
    header(&shdrs, (size_t)l.strtab * sizeof(Elf64_Shdr), put_str(&shstr, ".strtab"), SHT_STRTAB, 0,
           at, str.n, 0, 0, 1, 0);
    uint32_t name = put_str(&shstr, ".shstrtab"); /* before the copy: it names itself */
    at = put(&f, shstr.p, shstr.n);
    header(&shdrs, (size_t)l.shstrtab * sizeof(Elf64_Shdr), name, SHT_STRTAB, 0, at, shstr.n, 0, 0,
           1, 0);
    size_t shoff = pad(&f, 8);
    put(&f, shdrs.p, shdrs.n);

    Elf64_Ehdr e = {0};
    memcpy(e.e_ident, ELFMAG, SELFMAG);
    e.e_ident[EI_CLASS] = ELFCLASS64;
    e.e_ident[EI_DATA] = ELFDATA2LSB;
    e.e_ident[EI_VERSION] = EV_CURRENT;
    e.e_ident[EI_OSABI] = ELFOSABI_NONE;
    e.e_type = ET_REL;
    e.e_machine = o->machine;
    e.e_version = EV_CURRENT;
    e.e_shoff = shoff;
    e.e_ehsize = sizeof(Elf64_Ehdr);
    e.e_shentsize = sizeof(Elf64_Shdr);
    e.e_shnum = (Elf64_Half)l.count;
    e.e_shstrndx = (Elf64_Half)l.shstrtab;
    memcpy(f.p, &e, sizeof e);

    free(index);
    free(l.sec);
    free(l.rela);
    free(shdrs.p);
    free(shstr.p);
    free(syms.p);
    free(str.p);
    *size = f.n;
    return f.p;
}

int elf_write(ElfObj *o, const char *path)
{
    size_t n;
    uint8_t *p = elf_image(o, &n);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0) {
        free(p);
        return -1;
    }
    size_t done = 0;
    int err = 0;
    while (done < n && !err) {
        ssize_t w = write(fd, p + done, n - done);
        if (w > 0)
            done += (size_t)w;
        else if (w == 0)
            err = EIO;
        else if (errno != EINTR)
            err = errno;
    }
    if (close(fd) != 0 && !err)
        err = errno;
    free(p);
    if (err) {
        unlink(path);
        errno = err;
        return -1;
    }
    return 0;
}
