/* base.c -- the failure path of TR_ASSERT: report our own bug and abort. */
#include "common/base.h"

#include <stdio.h>
#include <stdlib.h>

void tr_assert_fail(const char *cond, const char *file, int line)
{
    fprintf(stderr, "trident: internal error: %s:%d: assertion failed: %s\n", file, line, cond);
    abort();
}
