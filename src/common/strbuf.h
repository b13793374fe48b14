/*
 * strbuf.h -- a growable byte buffer for building text (messages, repr, dis output).
 * Memory comes from libgc (atomic: holds no pointers); no free needed.
 */
#ifndef TR_STRBUF_H
#define TR_STRBUF_H

#include "common/base.h"

#include <stdarg.h>

typedef struct StrBuf {
    char *data;
    size_t len, cap;
} StrBuf;

void sb_init(StrBuf *sb);
void sb_reserve(StrBuf *sb, size_t extra);
void sb_putc(StrBuf *sb, char c);
void sb_append(StrBuf *sb, const char *s, size_t n);
void sb_puts(StrBuf *sb, const char *s);
void sb_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(StrBuf *sb, const char *fmt, va_list ap);
void sb_utf8(StrBuf *sb, uint32_t cp); /* append one code point as UTF-8 */
const char *sb_cstr(StrBuf *sb);       /* NUL-terminated view of the contents */

#endif
