/*
 * test_elf.c -- the ELF object writer (src/aot/elf.c): builds an object with hand-encoded
 * x86-64 functions, data, a pointer table and BSS; checks its structure in memory, that readelf
 * and objdump accept it, and that cc links it with a C main (dynamic and -static) into programs
 * printing what they should. Prints nothing and exits 0 on success. Link part skipped without cc.
 */
#include "aot/elf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[256];

static void cleanup(void)
{
    char cmd[512];
    if (getenv("TR_ELF_KEEP")) /* for debugging: keep the object and the programs */
        fprintf(stderr, "test_elf: kept %s\n", dir);
    else if (dir[0]) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            fprintf(stderr, "test_elf: could not remove %s\n", dir);
    }
}

static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("test_elf: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

#define CHECK(c) ((c) ? (void)0 : fail("%s:%d: check failed: %s", __FILE__, __LINE__, #c))

/* Runs a shell command (printf-style) in dir, its output going to files there; true if it exited
   with status 0. */
static bool sh(const char *fmt, ...)
{
    char cmd[2048];
    int n = snprintf(cmd, sizeof cmd, "cd '%s' && ", dir);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd + n, sizeof cmd - (size_t)n, fmt, ap);
    va_end(ap);
    return system(cmd) == 0;
}

static char *slurp(const char *name) /* a file of dir as a string ("" if absent) */
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    static char buf[1 << 16];
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    buf[n] = 0;
    if (f)
        fclose(f);
    return buf;
}

static void expect_empty(const char *name, const char *what)
{
    const char *s = slurp(name);
    if (*s)
        fail("%s printed:\n%s", what, s);
}

/* --- The object ---------------------------------------------------------------------------- */

/* tr_elf_test: returns tr_elf_ext() + tr_elf_value + 1 (the +1 by a local function). */
static const uint8_t code_test[] = {
    0x48, 0x83, 0xec, 0x08,          /* sub rsp, 8          (16-byte aligned for the call) */
    0xe8, 0,    0,    0,    0,       /* call tr_elf_ext     PLT32 at 5 */
    0x03, 0x05, 0,    0,    0,    0, /* add eax, [rip+tr_elf_value]   PC32 at 11 */
    0xe8, 0,    0,    0,    0,       /* call local_inc      PLT32 at 16 */
    0x48, 0x83, 0xc4, 0x08, 0xc3,    /* add rsp, 8; ret */
};
static const uint8_t code_inc[] = {0x8d, 0x40, 0x01, 0xc3}; /* lea eax, [rax+1]; ret */
/* tr_elf_hello: puts(msg) */
static const uint8_t code_hello[] = {
    0x48, 0x83, 0xec, 0x08,             /* sub rsp, 8 */
    0x48, 0x8d, 0x3d, 0,    0,    0, 0, /* lea rdi, [rip+msg]   PC32 at 7 */
    0xe8, 0,    0,    0,    0,          /* call puts            PLT32 at 12 */
    0x48, 0x83, 0xc4, 0x08, 0xc3,       /* add rsp, 8; ret */
};

static ElfObj *build(uint64_t *hello_at)
{
    ElfObj *o = elf_new(EM_X86_64);
    int text = elf_section(o, ".text", ELF_SEC_TEXT);
    int rodata = elf_section(o, ".rodata", ELF_SEC_RODATA);
    int data = elf_section(o, ".data", ELF_SEC_DATA);
    int bss = elf_section(o, ".bss", ELF_SEC_BSS);
    CHECK(elf_section(o, ".text", ELF_SEC_TEXT) == text);

    /* Relocations name symbols before they are defined, as a compiler emitting calls would. */
    uint64_t at = elf_append(o, text, code_test, sizeof code_test, 16);
    elf_reloc_extern(o, text, at + 5, "tr_elf_ext", R_X86_64_PLT32, -4);
    int value = elf_extern(o, "tr_elf_value");
    elf_reloc(o, text, at + 11, value, R_X86_64_PC32, -4);
    int inc = elf_extern(o, "local_inc");
    elf_reloc(o, text, at + 16, inc, R_X86_64_PLT32, -4);
    CHECK(elf_symbol(o, "tr_elf_test", text, at, sizeof code_test, true, true) >= 0);
    at = elf_append(o, text, code_inc, sizeof code_inc, 16);
    CHECK(elf_symbol(o, "local_inc", text, at, sizeof code_inc, false, true) == inc);

    const char msg[] = "hello from rodata", second[] = "second string";
    uint64_t msg_at = elf_append(o, rodata, msg, sizeof msg, 1);
    int msg_sym = elf_symbol(o, "msg", rodata, msg_at, sizeof msg, false, false);
    uint64_t second_at = elf_append(o, rodata, second, sizeof second, 16);
    CHECK(second_at == 32);

    *hello_at = at = elf_append(o, text, code_hello, sizeof code_hello, 16);
    elf_reloc(o, text, at + 7, msg_sym, R_X86_64_PC32, -4);
    elf_reloc_extern(o, text, at + 12, "puts", R_X86_64_PLT32, -4);
    elf_symbol(o, "tr_elf_hello", text, at, sizeof code_hello, true, true);

    int32_t one = 1;
    at = elf_append(o, data, &one, 4, 4);
    CHECK(elf_symbol(o, "tr_elf_value", data, at, 4, true, false) == value);
    at = elf_append(o, data, NULL, 16, 8); /* the table: two pointers, zero until relocated */
    CHECK(at == 8);
    elf_symbol(o, "tr_elf_table", data, at, 16, true, false);
    elf_reloc(o, data, at, msg_sym, R_X86_64_64, 0);
    elf_reloc(o, data, at + 8, elf_section_symbol(o, rodata), R_X86_64_64, (int64_t)second_at);
    CHECK(elf_section_symbol(o, rodata) == elf_section_symbol(o, rodata));

    elf_append(o, bss, NULL, 3, 1);
    at = elf_append(o, bss, NULL, 64, 32);
    CHECK(at == 32 && elf_section_size(o, bss) == 96);
    elf_symbol(o, "tr_elf_zero", bss, at, 64, true, false);
    elf_symbol(o, "tr_elf_answer", ELF_ABS, 42, 0, true, false);
    elf_symbol(o, "msg", rodata, second_at, sizeof second, false, false); /* locals may repeat */
    return o;
}

/* --- Structure, read back with <elf.h> ------------------------------------------------------ */

static const Elf64_Shdr *find_section(const uint8_t *img, const char *name)
{
    const Elf64_Ehdr *e = (const void *)img;
    const Elf64_Shdr *sh = (const void *)(img + e->e_shoff);
    const char *names = (const char *)img + sh[e->e_shstrndx].sh_offset;
    for (int i = 0; i < e->e_shnum; i++)
        if (strcmp(names + sh[i].sh_name, name) == 0)
            return &sh[i];
    fail("no section %s", name);
    return NULL;
}

static void check_image(const uint8_t *img, size_t n, uint64_t hello_at)
{
    const Elf64_Ehdr *e = (const void *)img;
    CHECK(n > sizeof *e && memcmp(e->e_ident, ELFMAG, SELFMAG) == 0);
    CHECK(e->e_ident[EI_CLASS] == ELFCLASS64 && e->e_ident[EI_DATA] == ELFDATA2LSB);
    CHECK(e->e_type == ET_REL && e->e_machine == EM_X86_64 && e->e_shoff % 8 == 0);
    CHECK(e->e_shoff + (uint64_t)e->e_shnum * sizeof(Elf64_Shdr) == n);
    const Elf64_Shdr *sh = (const void *)(img + e->e_shoff);
    const Elf64_Shdr *text = find_section(img, ".text"), *symtab = find_section(img, ".symtab");
    CHECK(text->sh_flags == (SHF_ALLOC | SHF_EXECINSTR) && text->sh_addralign == 16);
    CHECK(text->sh_size == hello_at + sizeof code_hello);
    CHECK(img[text->sh_offset + 36] == 0xCC); /* padding after local_inc */
    CHECK(find_section(img, ".bss")->sh_type == SHT_NOBITS);
    CHECK(find_section(img, ".bss")->sh_addralign == 32);
    CHECK(find_section(img, ".note.GNU-stack")->sh_flags == 0);
    const Elf64_Shdr *rela = find_section(img, ".rela.text");
    CHECK(rela->sh_type == SHT_RELA && (rela->sh_flags & SHF_INFO_LINK));
    CHECK(&sh[rela->sh_info] == text && &sh[rela->sh_link] == symtab);
    CHECK(rela->sh_size == 5 * sizeof(Elf64_Rela));
    CHECK(find_section(img, ".rela.data")->sh_size == 2 * sizeof(Elf64_Rela));

    const Elf64_Sym *sym = (const void *)(img + symtab->sh_offset);
    const char *str = (const char *)img + sh[symtab->sh_link].sh_offset;
    int count = (int)(symtab->sh_size / sizeof *sym), first_global = (int)symtab->sh_info;
    CHECK(sym[0].st_info == 0 && sym[0].st_shndx == SHN_UNDEF);
    int found = 0;
    for (int i = 1; i < count; i++) {
        int bind = ELF64_ST_BIND(sym[i].st_info), type = ELF64_ST_TYPE(sym[i].st_info);
        CHECK((bind == STB_LOCAL) == (i < first_global));
        const char *name = str + sym[i].st_name;
        if (strcmp(name, "tr_elf_ext") == 0 || strcmp(name, "puts") == 0)
            found++, CHECK(sym[i].st_shndx == SHN_UNDEF && type == STT_NOTYPE);
        if (strcmp(name, "local_inc") == 0)
            found++, CHECK(bind == STB_LOCAL && type == STT_FUNC && &sh[sym[i].st_shndx] == text);
        if (strcmp(name, "tr_elf_value") == 0)
            found++, CHECK(bind == STB_GLOBAL && type == STT_OBJECT && sym[i].st_size == 4);
        if (strcmp(name, "tr_elf_answer") == 0)
            found++, CHECK(sym[i].st_shndx == SHN_ABS && sym[i].st_value == 42);
        if (type == STT_SECTION)
            found++, CHECK(sym[i].st_name == 0 && bind == STB_LOCAL);
    }
    CHECK(found == 6 && count == 13);
}

/* An object with nothing in it is still whole; other machines pad code with zeros. */
static void check_edges(void)
{
    size_t n;
    ElfObj *o = elf_new(EM_AARCH64);
    uint8_t *img = elf_image(o, &n);
    const Elf64_Ehdr *e = (const void *)img;
    CHECK(e->e_machine == EM_AARCH64 && e->e_shnum == 5 && e->e_shstrndx == 4);
    CHECK(find_section(img, ".symtab")->sh_info == 1);
    free(img);
    int text = elf_section(o, ".text", ELF_SEC_TEXT);
    elf_append(o, text, "\xc0\x03\x5f\xd6", 4, 4); /* ret */
    CHECK(elf_append(o, text, NULL, 0, 16) == 16);
    img = elf_image(o, &n);
    const Elf64_Shdr *sh = find_section(img, ".text");
    CHECK(sh->sh_size == 16 && img[sh->sh_offset + 4] == 0 && img[sh->sh_offset + 15] == 0);
    free(img);
    elf_free(o);
}

/* --- Linking with cc ------------------------------------------------------------------------- */

static const char main_c[] =
    "#include <stdio.h>\n"
    "int tr_elf_test(void);\n"
    "int tr_elf_hello(void);\n"
    "extern int tr_elf_value;\n"
    "extern const char *tr_elf_table[2];\n"
    "extern unsigned char tr_elf_zero[64];\n"
    "int tr_elf_ext(void) { return 40; }\n"
    "int main(void) {\n"
    "    int z = (unsigned long)tr_elf_zero % 32 != 0;\n"
    "    for (int i = 0; i < 64; i++) z |= tr_elf_zero[i];\n"
    "    tr_elf_hello();\n"
    "    printf(\"%d %s|%s %d %d\\n\", tr_elf_test(), tr_elf_table[0], tr_elf_table[1],\n"
    "           tr_elf_value, z);\n"
    "    return 0;\n"
    "}\n";
static const char expected[] = "hello from rodata\n42 hello from rodata|second string 1 0\n";

static void link_and_run(const char *flags, const char *exe)
{
    if (!sh("cc %s -o %s main.c obj.o >link.err 2>&1", flags, exe)) {
        /* no static C library installed is not our failure */
        if (*flags && !sh("cc %s -o plain main.c >/dev/null 2>&1", flags))
            return;
        fail("cc %s failed:\n%s", flags, slurp("link.err"));
    }
    expect_empty("link.err", "the link");
    if (!sh("./%s >run.out 2>&1", exe))
        fail("%s failed:\n%s", exe, slurp("run.out"));
    if (strcmp(slurp("run.out"), expected) != 0)
        fail("%s printed:\n%s", exe, slurp("run.out"));
    if (sh("readelf -lW %s | grep -q 'GNU_STACK.*RWE'", exe))
        fail("%s has an executable stack", exe);
}

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f && fputs(text, f) >= 0 && fclose(f) == 0);
}

int main(void)
{
    uint64_t hello_at;
    ElfObj *o = build(&hello_at);
    size_t n;
    uint8_t *img = elf_image(o, &n);
    check_image(img, n, hello_at);
    free(img);
    check_edges();

    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/tr_elf_XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        fail("mkdtemp: %s", strerror(errno));
    atexit(cleanup);

    char path[512];
    snprintf(path, sizeof path, "%s/no/such/dir.o", dir);
    CHECK(elf_write(o, path) == -1 && errno == ENOENT);
    snprintf(path, sizeof path, "%s/obj.o", dir);
    CHECK(elf_write(o, path) == 0);
    elf_free(o);

    if (sh("command -v readelf >/dev/null")) {
        if (!sh("readelf -aW obj.o >readelf.out 2>readelf.err"))
            fail("readelf -a rejects the object:\n%s", slurp("readelf.err"));
        expect_empty("readelf.err", "readelf -a");
        CHECK(strstr(slurp("readelf.out"), "R_X86_64_PLT32") != NULL);
    }
    if (sh("command -v objdump >/dev/null")) {
        if (!sh("objdump -dr obj.o >objdump.out 2>objdump.err"))
            fail("objdump -dr rejects the object:\n%s", slurp("objdump.err"));
        expect_empty("objdump.err", "objdump -dr");
        CHECK(strstr(slurp("objdump.out"), "R_X86_64_PC32\tmsg-0x4") != NULL);
    }
    if (!sh("command -v cc >/dev/null"))
        return 0;
    write_file("main.c", main_c);
    link_and_run("", "dyn");
    link_and_run("-static", "static");
    return 0;
}
