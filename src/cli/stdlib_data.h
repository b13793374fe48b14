/* stdlib_data.h -- the standard library's Python sources compiled into the binary
   (build/gen/stdlib_data.c, generated from lib/ by tools/embed_lib.sh). */
#ifndef TR_STDLIB_DATA_H
#define TR_STDLIB_DATA_H

#include <stddef.h>

typedef struct CliEmbeddedFile {
    const char *path; /* relative to lib/, '/'-separated: "json/__init__.py" */
    const char *src;  /* NUL-terminated */
    size_t len;
} CliEmbeddedFile;

extern const CliEmbeddedFile cli_stdlib_files[]; /* sorted by path */
extern const size_t cli_stdlib_count;

#endif
