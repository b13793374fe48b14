/*
 * io.c -- file objects over C stdio: text files (decoding, newline handling, CPython's
 * TextIOWrapper behaviour and messages) and binary files (bytes in, bytes out), open(), and
 * the standard streams. One TrFile layout serves the four CPython class names.
 */
#include "runtime/runtime.h"

#include <errno.h>
#include <gc/gc.h>
#include <unistd.h>

#include "common/strbuf.h"

#define F(v) ((TrFile *)tr_obj(v))

bool tr_is_file(TrValue v)
{
    if (!tr_is_ptr(v))
        return false;
    TrType *t = tr_obj(v)->type;
    return t == &tr_file_type || t == &tr_bufreader_type || t == &tr_bufwriter_type ||
           t == &tr_bufrandom_type;
}

/* --- Errors ------------------------------------------------------------------------------ */

TrType tr_UnsupportedOperation = {
    .ob = {&tr_type_type}, .name = "io.UnsupportedOperation", .base = &tr_OSError,
    .flags = TR_TYPE_EXC | TR_TYPE_BASETYPE,
};

static TrValue unsupported(const char *msg)
{
    tr_type_ready(&tr_UnsupportedOperation);
    return tr_raise(&tr_UnsupportedOperation, "%s", msg);
}

TrValue tr_io_raise_errno(int err, TrValue filename)
{
    TrType *t = &tr_OSError;
    switch (err) {
    case ENOENT: t = &tr_FileNotFoundError; break;
    case EEXIST: t = &tr_FileExistsError; break;
    case EISDIR: t = &tr_IsADirectoryError; break;
    case ENOTDIR: t = &tr_NotADirectoryError; break;
    case EACCES: case EPERM: t = &tr_PermissionError; break;
    case ETIMEDOUT: t = &tr_TimeoutError; break;
    }
    return tr_raise_oserror(t, err, filename);
}

static int check_open(TrFile *f)
{
    if (f->closed) {
        tr_raise(&tr_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

/* Prepares f for reading: open, readable, and a seek if the last operation was a write. */
static int begin_read(TrFile *f)
{
    if (check_open(f) < 0)
        return -1;
    if (!f->readable) {
        unsupported(f->binary ? "read" : "not readable");
        return -1;
    }
    if (f->lastop == 'w')
        fseek(f->fp, 0, SEEK_CUR);
    f->lastop = 'r';
    return 0;
}

static int begin_write(TrFile *f)
{
    if (check_open(f) < 0)
        return -1;
    if (!f->writable) {
        unsupported(f->binary ? "write" : "not writable");
        return -1;
    }
    if (f->lastop == 'r')
        fseek(f->fp, 0, SEEK_CUR);
    f->lastop = 'w';
    return 0;
}

static TrValue read_failed(TrFile *f)
{
    int err = errno;
    clearerr(f->fp);
    return tr_io_raise_errno(err ? err : EIO, 0);
}

/* --- Decoding and encoding ----------------------------------------------------------------- */

static const char *enc_names[] = {"utf-8", "latin-1", "ascii"};

/* CPython's reasons for the first invalid UTF-8 sequence in s, or NULL if s is valid. */
static const char *utf8_error(const unsigned char *s, size_t n, size_t *pos)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            need = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            need = 2, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4)
            need = 3, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        else {
            *pos = i;
            return "invalid start byte";
        }
        for (int k = 1; k <= need; k++) {
            *pos = i;
            if (i + (size_t)k >= n)
                return "unexpected end of data";
            unsigned d = s[i + (size_t)k];
            if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF))
                return "invalid continuation byte";
        }
        i += (size_t)need + 1;
    }
    return NULL;
}

static TrValue decode(TrFile *f, const char *s, size_t n)
{
    size_t pos;
    if (f->enc == TR_ENC_UTF8) {
        const char *why = utf8_error((const unsigned char *)s, n, &pos);
        if (why)
            return tr_raise(&tr_UnicodeDecodeError,
                            "'utf-8' codec can't decode byte 0x%02x in position %d: %s",
                            (unsigned char)s[pos], (int)pos, why);
        return tr_str_from_utf8(s, n);
    }
    TrStrBuilder b;
    tr_sbuild_init(&b);
    for (pos = 0; pos < n; pos++) {
        unsigned char c = (unsigned char)s[pos];
        if (c >= 0x80 && f->enc == TR_ENC_ASCII)
            return tr_raise(&tr_UnicodeDecodeError,
                            "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not "
                            "in range(128)", c, (int)pos);
        tr_sbuild_char(&b, c);
    }
    return tr_sbuild_finish(&b);
}

static bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

static bool has_surrogates(const TrStr *s)
{
    if (s->kind == 1)
        return false;
    for (int64_t i = 0; i < s->len; i++)
        if (is_surrogate(tr_str_char(s, i)))
            return true;
    return false;
}

/* UnicodeEncodeError for the run of unencodable characters s[i..j), CPython's wording. */
static int encode_error(TrFile *f, const TrStr *s, int64_t i, int64_t j, const char *why)
{
    if (j - i == 1)
        tr_raise(&tr_UnicodeEncodeError,
                 "'%s' codec can't encode character %s in position %lld: %s", enc_names[f->enc],
                 tr_str_utf8(tr_ascii(tr_str_from_char(tr_str_char(s, i)))), (long long)i, why);
    else
        tr_raise(&tr_UnicodeEncodeError,
                 "'%s' codec can't encode characters in position %lld-%lld: %s",
                 enc_names[f->enc], (long long)i, (long long)(j - 1), why);
    return -1;
}

/* Appends s encoded for f to sb, with '\n' written as the newline= argument asks. Characters
   the codec cannot encode raise, or (sys.stderr) are written as backslash escapes. */
static int encode(TrFile *f, TrValue s, StrBuf *sb)
{
    TrStr *str = tr_as_str(s);
    const char *nl = f->newline == TR_NL_CR ? "\r" : f->newline == TR_NL_CRLF ? "\r\n" : NULL;
    uint32_t limit = f->enc == TR_ENC_UTF8 ? 0x110000 : f->enc == TR_ENC_LATIN1 ? 0x100 : 0x80;
    for (int64_t i = 0; i < str->len; i++) {
        uint32_t c = tr_str_char(str, i);
        bool bad = c >= limit || (f->enc == TR_ENC_UTF8 && is_surrogate(c));
        if (bad && f->bsreplace) {
            sb_printf(sb, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
        } else if (bad) {
            int64_t j = i + 1;
            while (j < str->len && (f->enc == TR_ENC_UTF8 ? is_surrogate(tr_str_char(str, j))
                                                          : tr_str_char(str, j) >= limit))
                j++;
            if (f->enc == TR_ENC_UTF8)
                return encode_error(f, str, i, j, "surrogates not allowed");
            return encode_error(f, str, i, j,
                                f->enc == TR_ENC_LATIN1 ? "ordinal not in range(256)"
                                                        : "ordinal not in range(128)");
        } else if (c == '\n' && nl) {
            sb_puts(sb, nl);
        } else if (f->enc == TR_ENC_UTF8) {
            sb_utf8(sb, c);
        } else {
            sb_putc(sb, (char)c);
        }
    }
    return 0;
}

/* --- Reading ----------------------------------------------------------------------------- */

/* Reads one character of a text file into sb (with its UTF-8 continuation bytes, so a
   character is never split), translating \r and \r\n under newline=None. Returns its first
   byte after translation, or -1 at end of file. */
static int text_getc(TrFile *f, StrBuf *sb)
{
    FILE *fp = f->fp;
    int c = getc_unlocked(fp);
    if (c == EOF)
        return -1;
    if (c == '\r' && f->newline == TR_NL_UNIVERSAL) {
        int d = getc_unlocked(fp);
        if (d != '\n' && d != EOF)
            ungetc(d, fp);
        c = '\n';
    }
    sb_putc(sb, (char)c);
    if (f->enc == TR_ENC_UTF8 && c >= 0xC0) {
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        for (int i = 0; i < extra; i++) {
            int d = getc_unlocked(fp);
            if (d == EOF)
                break;
            if ((d & 0xC0) != 0x80) {
                ungetc(d, fp);
                break;
            }
            sb_putc(sb, (char)d);
        }
    }
    return c;
}

/* Does the character c just read (its bytes already in sb) end a line? */
static bool text_line_end(TrFile *f, int c, StrBuf *sb)
{
    switch (f->newline) {
    case TR_NL_ANY:
        if (c == '\r') {
            int d = getc_unlocked(f->fp);
            if (d == '\n')
                sb_putc(sb, '\n');
            else if (d != EOF)
                ungetc(d, f->fp);
            return true;
        }
        return c == '\n';
    case TR_NL_CR: return c == '\r';
    case TR_NL_CRLF: return c == '\n' && sb->len >= 2 && sb->data[sb->len - 2] == '\r';
    default: return c == '\n';
    }
}

/* One line (limit < 0: no limit; else at most limit characters or bytes), "" at the end. */
static TrValue file_readline(TrFile *f, int64_t limit)
{
    if (begin_read(f) < 0)
        return TR_ERR;
    StrBuf sb;
    sb_init(&sb);
    if (f->binary) {
        int c;
        while ((limit < 0 || (int64_t)sb.len < limit) && (c = getc_unlocked(f->fp)) != EOF) {
            sb_putc(&sb, (char)c);
            if (c == '\n')
                break;
        }
        if (ferror(f->fp))
            return read_failed(f);
        return tr_bytes_new(sb.data, sb.len);
    }
    for (int64_t n = 0; limit < 0 || n < limit; n++) {
        int c = text_getc(f, &sb);
        if (c < 0 || text_line_end(f, c, &sb))
            break;
    }
    if (ferror(f->fp))
        return read_failed(f);
    return decode(f, sb.data, sb.len);
}

/* Everything up to the end of the file. */
static TrValue file_read_all(TrFile *f)
{
    StrBuf sb;
    sb_init(&sb);
    for (;;) {
        sb_reserve(&sb, 65536);
        size_t got = fread_unlocked(sb.data + sb.len, 1, 65536, f->fp);
        sb.len += got;
        if (got < 65536)
            break;
    }
    if (ferror(f->fp))
        return read_failed(f);
    if (f->binary)
        return tr_bytes_new(sb.data, sb.len);
    if (f->newline == TR_NL_UNIVERSAL) {
        size_t j = 0;
        for (size_t i = 0; i < sb.len; i++) {
            char c = sb.data[i];
            if (c == '\r') {
                c = '\n';
                if (i + 1 < sb.len && sb.data[i + 1] == '\n')
                    i++;
                else if (i + 1 == sb.len) { /* a \n may still arrive (pipes): peek */
                    int d = getc_unlocked(f->fp);
                    if (d != '\n' && d != EOF)
                        ungetc(d, f->fp);
                }
            }
            sb.data[j++] = c;
        }
        sb.len = j;
    }
    return decode(f, sb.data, sb.len);
}

static TrValue file_read(TrFile *f, int64_t n)
{
    if (begin_read(f) < 0)
        return TR_ERR;
    if (n < 0)
        return file_read_all(f);
    StrBuf sb;
    sb_init(&sb);
    if (f->binary) {
        sb_reserve(&sb, (size_t)n);
        sb.len = fread_unlocked(sb.data, 1, (size_t)n, f->fp);
        if (ferror(f->fp))
            return read_failed(f);
        return tr_bytes_new(sb.data, sb.len);
    }
    for (int64_t i = 0; i < n && text_getc(f, &sb) >= 0; i++)
        ;
    if (ferror(f->fp))
        return read_failed(f);
    return decode(f, sb.data, sb.len);
}

/* --- Writing ----------------------------------------------------------------------------- */

static int write_bytes(TrFile *f, const void *p, size_t n)
{
    if (n && fwrite_unlocked(p, 1, n, f->fp) != n) {
        int err = errno;
        clearerr(f->fp);
        tr_io_raise_errno(err ? err : EIO, 0);
        return -1;
    }
    return 0;
}

/* file.write(s): the count written (characters for text, bytes for binary), or -1. */
static int64_t file_write(TrFile *f, TrValue s)
{
    if (f->binary) {
        if (begin_write(f) < 0)
            return -1;
        if (tr_is_bytes(s)) {
            TrBytes *b = (TrBytes *)tr_obj(s);
            return write_bytes(f, b->data, (size_t)b->len) < 0 ? -1 : b->len;
        }
        if (tr_is_ptr(s) && tr_obj(s)->type == &tr_bytearray_type) {
            TrByteArray *b = (TrByteArray *)tr_obj(s);
            return write_bytes(f, b->data, (size_t)b->len) < 0 ? -1 : b->len;
        }
        tr_raise(&tr_TypeError, "a bytes-like object is required, not '%s'", tr_type_name(s));
        return -1;
    }
    if (!tr_is_str(s)) {
        tr_raise(&tr_TypeError, "write() argument must be str, not %s", tr_type_name(s));
        return -1;
    }
    if (begin_write(f) < 0)
        return -1;
    if (f->enc == TR_ENC_UTF8 && f->newline != TR_NL_CR && f->newline != TR_NL_CRLF &&
        !has_surrogates(tr_as_str(s))) {
        size_t n;
        const char *u = tr_str_utf8_len(s, &n);
        if (!u || write_bytes(f, u, n) < 0)
            return -1;
    } else {
        StrBuf sb;
        sb_init(&sb);
        if (encode(f, s, &sb) < 0 || write_bytes(f, sb.data, sb.len) < 0)
            return -1;
    }
    return tr_as_str(s)->len;
}

static int file_flush(TrFile *f)
{
    if (check_open(f) < 0)
        return -1;
    if (f->writable && fflush(f->fp) != 0) {
        int err = errno;
        clearerr(f->fp);
        tr_io_raise_errno(err, 0);
        return -1;
    }
    return 0;
}

static int file_close(TrFile *f)
{
    if (f->closed)
        return 0;
    int r = f->owns ? fclose(f->fp) : fflush(f->fp);
    int err = errno;
    f->closed = true;
    if (f->buffer)
        F(f->buffer)->closed = true;
    if (r != 0) {
        tr_io_raise_errno(err, 0);
        return -1;
    }
    return 0;
}

/* --- Generic entry points (any object with write/flush/readline) ----------------------- */

int tr_file_write_str(TrValue file, TrValue s)
{
    if (tr_is_file(file))
        return file_write(F(file), s) < 0 ? -1 : 0;
    TrValue r = tr_call_method(file, "write", &s, 1);
    return r == TR_ERR ? -1 : 0;
}

int tr_file_flush(TrValue file)
{
    if (tr_is_file(file))
        return file_flush(F(file));
    return tr_call_method(file, "flush", NULL, 0) == TR_ERR ? -1 : 0;
}

TrValue tr_file_readline(TrValue file)
{
    if (tr_is_file(file))
        return file_readline(F(file), -1);
    return tr_call_method(file, "readline", NULL, 0);
}

/* --- Methods ----------------------------------------------------------------------------- */

/* "TextIOWrapper.close() takes no arguments (1 given)", as CPython names the methods. */
static const char *qual(TrValue self, const char *meth)
{
    const char *t = tr_type_name(self);
    const char *dot = strchr(t, '.');
    return tr_str_utf8(tr_str_fmt("%s.%s", dot ? dot + 1 : t, meth));
}

static int no_args(TrValue self, const char *meth, size_t nargs, TrValue kw)
{
    if (tr_nkw(kw)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", qual(self, meth));
        return -1;
    }
    if (nargs) {
        tr_raise(&tr_TypeError, "%s() takes no arguments (%d given)", qual(self, meth),
                 (int)nargs);
        return -1;
    }
    return 0;
}

static int opt_args(TrValue self, const char *meth, size_t nargs, TrValue kw, size_t max)
{
    if (tr_nkw(kw)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", qual(self, meth));
        return -1;
    }
    if (nargs > max) {
        tr_raise(&tr_TypeError, "%s expected at most %d argument%s, got %d", meth, (int)max,
                 max == 1 ? "" : "s", (int)nargs);
        return -1;
    }
    return 0;
}

/* Length of what file_readline returned: a str or a bytes. */
static int64_t line_len(TrValue line)
{
    return tr_is_str(line) ? tr_as_str(line)->len : ((TrBytes *)tr_obj(line))->len;
}

/* A size argument: None or absent is -1. */
static int size_arg(const TrValue *args, size_t nargs, int64_t *out, bool none_ok)
{
    *out = -1;
    if (nargs == 0 || (none_ok && args[0] == TR_NONE))
        return 0;
    if (none_ok && !tr_is_int(args[0])) {
        tr_raise(&tr_TypeError, "argument should be integer or None, not '%s'",
                 tr_type_name(args[0]));
        return -1;
    }
    return tr_index_i64(args[0], out);
}

static TrValue m_read(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t n;
    if (opt_args(self, "read", nargs, kw, 1) < 0 || size_arg(args, nargs, &n, true) < 0)
        return TR_ERR;
    return file_read(F(self), n);
}

static TrValue m_readline(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t n;
    if (opt_args(self, "readline", nargs, kw, 1) < 0 ||
        size_arg(args, nargs, &n, F(self)->binary) < 0)
        return TR_ERR;
    return file_readline(F(self), n);
}

static TrValue m_readlines(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t hint;
    if (opt_args(self, "readlines", nargs, kw, 1) < 0 || size_arg(args, nargs, &hint, true) < 0)
        return TR_ERR;
    TrValue list = tr_list_new(0);
    int64_t total = 0;
    for (;;) {
        TrValue line = file_readline(F(self), -1);
        if (line == TR_ERR)
            return TR_ERR;
        int64_t n = line_len(line);
        if (n == 0)
            break;
        if (tr_list_append(list, line) < 0)
            return TR_ERR;
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
}

static TrValue m_write(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_nkw(kw) || nargs != 1) {
        if (tr_nkw(kw))
            return tr_raise(&tr_TypeError, "%s() takes no keyword arguments",
                            qual(self, "write"));
        return tr_raise(&tr_TypeError, "%s() takes exactly one argument (%d given)",
                        qual(self, "write"), (int)nargs);
    }
    int64_t n = file_write(F(self), args[0]);
    return n < 0 ? TR_ERR : tr_int_from_i64(n);
}

static TrValue m_writelines(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_one_arg("writelines", nargs, kw) < 0 || check_open(F(self)) < 0)
        return TR_ERR;
    TrValue it = tr_iter(args[0]);
    if (it == TR_ERR)
        return TR_ERR;
    for (;;) {
        TrValue x = tr_next(it);
        if (x == TR_STOP)
            return TR_NONE;
        if (x == TR_ERR || file_write(F(self), x) < 0)
            return TR_ERR;
    }
}

static TrValue m_flush(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args(self, "flush", nargs, kw) < 0 || file_flush(F(self)) < 0)
        return TR_ERR;
    return TR_NONE;
}

static TrValue m_close(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args(self, "close", nargs, kw) < 0 || file_close(F(self)) < 0)
        return TR_ERR;
    return TR_NONE;
}

static TrValue m_fileno(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args(self, "fileno", nargs, kw) < 0)
        return TR_ERR;
    if (F(self)->closed)
        return tr_raise(&tr_ValueError, "I/O operation on closed file");
    return tr_small_new(fileno(F(self)->fp));
}

static TrValue m_isatty(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args(self, "isatty", nargs, kw) < 0 || check_open(F(self)) < 0)
        return TR_ERR;
    return tr_bool(isatty(fileno(F(self)->fp)));
}

static TrValue m_readable(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args(self, "readable", nargs, kw) < 0 || check_open(F(self)) < 0)
        return TR_ERR;
    return tr_bool(F(self)->readable);
}

static TrValue m_writable(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args(self, "writable", nargs, kw) < 0 || check_open(F(self)) < 0)
        return TR_ERR;
    return tr_bool(F(self)->writable);
}

static TrValue m_seekable(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args(self, "seekable", nargs, kw) < 0 || check_open(F(self)) < 0)
        return TR_ERR;
    return tr_bool(ftell(F(self)->fp) >= 0);
}

static TrValue m_tell(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args(self, "tell", nargs, kw) < 0 || check_open(F(self)) < 0)
        return TR_ERR;
    long pos = ftell(F(self)->fp);
    if (pos < 0)
        return tr_io_raise_errno(errno, 0);
    return tr_int_from_i64(pos);
}

static TrValue m_seek(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrFile *f = F(self);
    int64_t off, whence = 0;
    if (tr_bi_nargs("seek", nargs, kw, 1, 2) < 0 || tr_index_i64(args[0], &off) < 0 ||
        (nargs > 1 && tr_index_i64(args[1], &whence) < 0) || check_open(f) < 0)
        return TR_ERR;
    if (whence < 0 || whence > 2)
        return tr_raise(&tr_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
    if (!f->binary) {
        if (whence == 1 && off != 0)
            return unsupported("can't do nonzero cur-relative seeks");
        if (whence == 2 && off != 0)
            return unsupported("can't do nonzero end-relative seeks");
        if (off < 0)
            return tr_raise(&tr_ValueError, "negative seek position %lld", (long long)off);
    }
    if (f->writable)
        fflush(f->fp);
    if (fseek(f->fp, (long)off, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END))
        return tr_io_raise_errno(errno, 0);
    f->lastop = 0;
    return tr_int_from_i64(ftell(f->fp));
}

static TrValue m_enter(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args(self, "__enter__", nargs, kw) < 0 || check_open(F(self)) < 0)
        return TR_ERR;
    return self;
}

static TrValue m_exit(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return file_close(F(self)) < 0 ? TR_ERR : TR_NONE;
}

static TrValue file_iter(TrValue self)
{
    return check_open(F(self)) < 0 ? TR_ERR : self;
}

static TrValue file_next(TrValue self)
{
    TrValue line = file_readline(F(self), -1);
    if (line == TR_ERR)
        return TR_ERR;
    return line_len(line) == 0 ? TR_STOP : line;
}

static TrValue m_iter(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return no_args(self, "__iter__", nargs, kw) < 0 ? TR_ERR : file_iter(self);
}

static TrValue m_next(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args(self, "__next__", nargs, kw) < 0)
        return TR_ERR;
    TrValue r = file_next(self);
    return r == TR_STOP ? tr_raise_value(tr_val(&tr_StopIteration)) : r;
}

static const TrMethodDef file_methods[] = {
    {"read", m_read, 0},           {"readline", m_readline, 0}, {"readlines", m_readlines, 0},
    {"write", m_write, 0},         {"writelines", m_writelines, 0},
    {"flush", m_flush, 0},         {"close", m_close, 0},       {"fileno", m_fileno, 0},
    {"isatty", m_isatty, 0},       {"readable", m_readable, 0}, {"writable", m_writable, 0},
    {"seekable", m_seekable, 0},   {"seek", m_seek, 0},         {"tell", m_tell, 0},
    {"__enter__", m_enter, 0},     {"__exit__", m_exit, 0},     {"__iter__", m_iter, 0},
    {"__next__", m_next, 0},       {"read1", m_read, 0},
    {NULL, NULL, 0},
};

/* --- Attributes and repr ----------------------------------------------------------------- */

static TrValue g_name(TrValue self) { return F(self)->name; }
static TrValue g_mode(TrValue self) { return F(self)->mode; }
static TrValue g_closed(TrValue self) { return tr_bool(F(self)->closed); }
static TrValue g_encoding(TrValue self) { return F(self)->encoding; }
static TrValue g_errors(TrValue self) { return tr_str_from_cstr("strict"); }
static TrValue g_newlines(TrValue self) { return TR_NONE; }

static TrValue g_buffer(TrValue self)
{
    TrFile *f = F(self);
    if (!f->buffer) {
        const char *mode = f->readable && f->writable ? "rb+" : f->readable ? "rb" : "wb";
        f->buffer = tr_file_from_fp(f->fp, "", mode, false);
        F(f->buffer)->name = f->name;
        F(f->buffer)->closed = f->closed;
        F(f->buffer)->buffer = self; /* keeps the owner of the FILE alive while in use */
    }
    return f->buffer;
}

static const TrGetSetDef text_getsets[] = {
    {"name", g_name, NULL},         {"mode", g_mode, NULL},     {"closed", g_closed, NULL},
    {"encoding", g_encoding, NULL}, {"errors", g_errors, NULL}, {"buffer", g_buffer, NULL},
    {"newlines", g_newlines, NULL},
    {NULL, NULL, NULL},
};

static const TrGetSetDef binary_getsets[] = {
    {"name", g_name, NULL},
    {"mode", g_mode, NULL},
    {"closed", g_closed, NULL},
    {NULL, NULL, NULL},
};

static TrValue file_repr(TrValue self)
{
    TrFile *f = F(self);
    if (f->binary)
        return tr_str_fmt("<%s name=%R>", tr_type_name(self), f->name);
    return tr_str_fmt("<_io.TextIOWrapper name=%R mode=%R encoding=%R>", f->name, f->mode,
                      f->encoding);
}

#define FILE_TYPE(var, tname, gs)                                                              \
    TrType var = {                                                                             \
        .ob = {&tr_type_type}, .name = tname, .basicsize = sizeof(TrFile),                     \
        .repr = file_repr, .iter = file_iter, .next = file_next, .methods = file_methods,      \
        .getsets = gs,                                                                         \
    }
FILE_TYPE(tr_file_type, "_io.TextIOWrapper", text_getsets);
FILE_TYPE(tr_bufreader_type, "_io.BufferedReader", binary_getsets);
FILE_TYPE(tr_bufwriter_type, "_io.BufferedWriter", binary_getsets);
FILE_TYPE(tr_bufrandom_type, "_io.BufferedRandom", binary_getsets);

/* --- Construction ------------------------------------------------------------------------ */

static void finalize_file(void *obj, void *data)
{
    TrFile *f = obj;
    if (!f->closed && f->owns)
        fclose(f->fp);
}

TrValue tr_file_from_fp(FILE *fp, const char *name, const char *mode, bool owns)
{
    bool binary = strchr(mode, 'b') != NULL, plus = strchr(mode, '+') != NULL;
    bool readable = strchr(mode, 'r') || plus;
    bool writable = strchr(mode, 'w') || strchr(mode, 'a') || strchr(mode, 'x') || plus;
    TrType *t = !binary               ? &tr_file_type
                : readable && writable ? &tr_bufrandom_type
                : readable             ? &tr_bufreader_type
                                       : &tr_bufwriter_type;
    TrFile *f = TR_NEW(TrFile, t);
    f->fp = fp;
    f->name = tr_str_from_cstr(name);
    f->mode = tr_str_from_cstr(mode);
    f->binary = binary;
    f->readable = readable;
    f->writable = writable;
    f->appending = strchr(mode, 'a') != NULL;
    f->created = strchr(mode, 'x') != NULL;
    f->owns = owns;
    f->enc = TR_ENC_UTF8;
    f->newline = TR_NL_UNIVERSAL;
    if (!binary)
        f->encoding = tr_str_from_cstr("UTF-8");
    /* Files nobody closed are closed when collected, so loops that drop them keep fds. */
    if (owns && GC_base(f) == (void *)f)
        GC_register_finalizer_no_order(f, finalize_file, NULL, NULL, NULL);
    return tr_val(f);
}

/* --- Standard streams -------------------------------------------------------------------- */

static TrValue std_files[3];

/* CPython on POSIX: utf-8, lines split at "\n" with no translation (newline="\n"). */
TrValue tr_io_std(int fd)
{
    if (!std_files[fd]) {
        static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
        FILE *fps[] = {stdin, stdout, stderr};
        TrValue f = tr_file_from_fp(fps[fd], names[fd], fd == 0 ? "r" : "w", false);
        F(f)->encoding = tr_str_from_cstr("utf-8");
        F(f)->newline = TR_NL_LF;
        F(f)->bsreplace = fd == 2;
        std_files[fd] = f;
    }
    return std_files[fd];
}

static void flush_stream(TrValue f)
{
    if (!f || f == TR_ERR || f == TR_NONE)
        return;
    if (tr_is_file(f)) {
        if (!F(f)->closed)
            fflush(F(f)->fp);
    } else if (tr_file_flush(f) < 0) {
        tr_err_clear();
    }
}

void tr_io_flush_std(void)
{
    TrValue pending = tr_err_fetch();
    flush_stream(tr_sys_stdout());
    flush_stream(tr_sys_stderr());
    if (tr_err_occurred())
        tr_err_clear();
    if (pending)
        tr_err_restore(pending);
    fflush(stdout);
    fflush(stderr);
}
