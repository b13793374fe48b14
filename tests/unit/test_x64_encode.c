/*
 * test_x64_encode.c -- the x86-64 encoder against GNU as: runs every case of
 * tests/backend/x64/cases.c and compares bytes and relocations with expected.inc, which
 * tests/backend/check_x64.sh --update writes from `as` output (never by hand). Also checks that
 * the cases use every row of x64_forms.def. The encoder is #included (with its form counters):
 * tests/run.sh links unit tests with the front-end and VM only.
 */
#define X64_COUNT_FORMS
#include "backend/mcode.c"
#include "backend/x86_64/x64_encode.c"

#include "../backend/x64/cases.c"

static const struct {
    const char *text, *hex, *rel;
} expected[] = {
#define X64_EXPECT(text, hex, rel) {text, hex, rel},
#include "../backend/x64/expected.inc"
#undef X64_EXPECT
};

static const char *const form_names[X64_OP__COUNT][X64_SH__COUNT][2] = {
#define X64_FORM(op, shape, width, prefix, map, opcode, ext, flags, operands)                      \
    [X64_##op][X64_SH_##shape][WIDTH_##width] = #op " " #shape " " #width,
#include "backend/x86_64/x64_forms.def"
};

static size_t ncase;
static int failures;

static void check(void *ctx, const char *text, const McCode *mc)
{
    static char hex[8192], rel[1024];
    size_t i = ncase++;
    if (i >= TR_ARRAY_LEN(expected)) {
        if (i == TR_ARRAY_LEN(expected))
            printf("more cases than expected.inc has: run tests/backend/check_x64.sh --update\n");
        failures++;
        return;
    }
    mc_format(mc, hex, sizeof hex, rel, sizeof rel);
    if (strcmp(text, expected[i].text)) {
        printf("case %zu is '%s', expected.inc has '%s': run check_x64.sh --update\n", i, text,
               expected[i].text);
        failures++;
    } else if (strcmp(hex, expected[i].hex) || strcmp(rel, expected[i].rel)) {
        printf("%s\n    ours: %s [%s]\n    as:   %s [%s]\n", text, hex, rel, expected[i].hex,
               expected[i].rel);
        failures++;
    }
}

int main(void)
{
    x64_each_case(check, NULL);
    if (ncase < TR_ARRAY_LEN(expected)) {
        printf("fewer cases than expected.inc has: run tests/backend/check_x64.sh --update\n");
        failures++;
    }
    for (int op = 0; op < X64_OP__COUNT; op++)
        for (int sh = 0; sh < X64_SH__COUNT; sh++)
            for (int w = 0; w < 2; w++)
                if (forms[op][sh][w].present && !form_uses[op][sh][w]) {
                    printf("no case uses the form %s\n", form_names[op][sh][w]);
                    failures++;
                }
    return failures ? 1 : 0;
}
