/* cmd_build.c -- `trident build prog.py -o exe [-v] [--target x86_64]`: reads the options and
   hands over to the AOT driver (src/aot/build.c), giving it the library embedded in trident. */
#include "aot/aot.h"
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

static int usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "trident build: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nusage: trident build FILE -o OUTPUT [-v] [--target x86_64]\n");
    return CLI_USAGE;
}

int cli_cmd_build(int argc, char **argv)
{
    AotOptions opt = {.stdlib_source = cli_stdlib_source, .stdlib_root = CLI_STDLIB_ROOT};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-o") || !strcmp(a, "--target")) {
            if (i + 1 >= argc)
                return usage("option %s needs an argument", a);
            const char *v = argv[++i];
            if (a[1] == 'o')
                opt.output = v;
            else if (strcmp(v, "x86_64") != 0)
                return usage("unsupported target '%s' (this build knows x86_64)", v);
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            opt.verbose = true;
        } else if (a[0] == '-' && a[1]) {
            return usage("unknown option %s", a);
        } else if (opt.script) {
            return usage("one program at a time ('%s' is extra)", a);
        } else {
            opt.script = a;
        }
    }
    if (!opt.script)
        return usage("missing file name%s", "");
    if (!opt.output)
        return usage("missing -o OUTPUT (the executable to write)%s", "");
    return aot_build(&opt);
}
