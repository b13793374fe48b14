/*
 * base.h -- the few things every file of trident uses: fixed-width ints, bool, TR_ASSERT.
 * Depends on nothing of trident. TR_ASSERT is for our own bugs, never for user input.
 */
#ifndef TR_BASE_H
#define TR_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TR_UNUSED(x) ((void)(x))
#define TR_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define TR_LIKELY(x) __builtin_expect(!!(x), 1)
#define TR_UNLIKELY(x) __builtin_expect(!!(x), 0)

void tr_assert_fail(const char *cond, const char *file, int line) __attribute__((noreturn));
#define TR_ASSERT(c) ((c) ? (void)0 : tr_assert_fail(#c, __FILE__, __LINE__))
#define TR_UNREACHABLE() tr_assert_fail("unreachable", __FILE__, __LINE__)

#endif
