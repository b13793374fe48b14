/*
 * x64_dump_main.c -- developer tool behind tests/backend/check_x64.sh. Prints the encoder's test
 * cases (tests/backend/x64/cases.c) as an assembler source (`asm`), as X64_EXPECT lines of our
 * bytes (`ours`), or as X64_EXPECT lines of what GNU as made of that source (`theirs BIN NM RELS`:
 * the outputs of objcopy -O binary, nm and objdump -r), so that the two sides can be diffed.
 * Built as one unit with the encoder: cc -Isrc tests/unit/x64_dump_main.c src/common/base.c
 */
#include "backend/mcode.c"
#include "backend/x86_64/x64_encode.c"

#include "../backend/x64/cases.c"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_line(FILE *f, const char *text, const char *hex, const char *relocs)
{
    fprintf(f, "X64_EXPECT(\"%s\", \"%s\", \"%s\")\n", text, hex, relocs);
}

enum { MAX_CASES = 20000, MAX_RELS = 4096 };

static void print_asm(void *ctx, const char *text, const McCode *mc)
{
    int *n = ctx;
    printf("c_%d:\n%s\n", (*n)++, text);
}

static void print_ours(void *ctx, const char *text, const McCode *mc)
{
    static char hex[8192], rel[1024];
    mc_format(mc, hex, sizeof hex, rel, sizeof rel);
    print_line(stdout, text, hex, rel);
}

/* --- What as produced ---------------------------------------------------------------------- */

static uint8_t *bin;
static long bin_size;
static long offs[MAX_CASES + 1]; /* c_i, then c_end */
static int ncases = -1;
static struct Rel {
    long off;
    char type[64], sym[256];
    long long addend;
} rels[MAX_RELS];
static int nrels;

static void *slurp(const char *path, long *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *p = malloc((size_t)*size + 1);
    if (!p || fread(p, 1, (size_t)*size, f) != (size_t)*size)
        exit(2);
    fclose(f);
    return p;
}

static void read_nm(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[512], name[256], kind;
    unsigned long long v;
    long end = -1;
    if (!f) {
        perror(path);
        exit(2);
    }
    while (fgets(line, sizeof line, f)) {
        int i;
        if (sscanf(line, "%llx %c %255s", &v, &kind, name) != 3)
            continue;
        if (!strcmp(name, "c_end"))
            end = (long)v;
        else if (sscanf(name, "c_%d", &i) == 1 && i >= 0 && i < MAX_CASES) {
            offs[i] = (long)v;
            if (i > ncases)
                ncases = i;
        }
    }
    fclose(f);
    offs[++ncases] = end;
}

/* objdump -r lines: "000000000000001f R_X86_64_PLT32    foo-0x0000000000000004" */
static void read_rels(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[512], type[64], value[256];
    unsigned long long off;
    if (!f) {
        perror(path);
        exit(2);
    }
    while (fgets(line, sizeof line, f) && nrels < MAX_RELS) {
        if (sscanf(line, "%llx R_X86_64_%63s %255s", &off, type, value) != 3)
            continue;
        struct Rel *r = &rels[nrels++];
        r->off = (long)off;
        snprintf(r->type, sizeof r->type, "%s", type);
        char *sign = strpbrk(value, "+-");
        r->addend = sign ? strtoll(sign, NULL, 16) : 0; /* "-0x4": strtoll takes the sign */
        if (sign)
            *sign = 0;
        snprintf(r->sym, sizeof r->sym, "%s", value);
    }
    fclose(f);
}

static void print_theirs(void *ctx, const char *text, const McCode *mc)
{
    int *n = ctx, i = (*n)++;
    static char hex[8192], rel[1024];
    if (i >= ncases || offs[i + 1] < offs[i] || offs[i + 1] > bin_size) {
        print_line(stdout, text, "?", "case missing from the assembler output");
        return;
    }
    hex_bytes(hex, sizeof hex, bin + offs[i], (size_t)(offs[i + 1] - offs[i]));
    rel[0] = 0;
    for (int k = 0; k < nrels; k++)
        if (rels[k].off >= offs[i] && rels[k].off < offs[i + 1])
            add_reloc(rel, sizeof rel, (unsigned)(rels[k].off - offs[i]), rels[k].type, rels[k].sym,
                      rels[k].addend);
    print_line(stdout, text, hex, rel);
}

int main(int argc, char **argv)
{
    int n = 0;
    if (argc == 2 && !strcmp(argv[1], "asm")) {
        printf(".intel_syntax noprefix\n.text\n");
        x64_each_case(print_asm, &n);
        printf("c_end:\n");
    } else if (argc == 2 && !strcmp(argv[1], "ours")) {
        x64_each_case(print_ours, NULL);
    } else if (argc == 5 && !strcmp(argv[1], "theirs")) {
        bin = slurp(argv[2], &bin_size);
        read_nm(argv[3]);
        read_rels(argv[4]);
        x64_each_case(print_theirs, &n);
    } else {
        fprintf(stderr, "usage: x64_dump asm | ours | theirs BIN NM RELOCS\n");
        return 2;
    }
    return 0;
}
