/*
 * io_open.c -- open(): CPython's argument checks and messages (mode string, encoding,
 * newline), the POSIX open of the path (directories refused as CPython does), and the
 * TrFile over it, text or binary.
 */
#include "runtime/runtime.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define F(v) ((TrFile *)tr_obj(v))

typedef struct OpenMode {
    bool creating, reading, writing, appending, updating, text, binary;
} OpenMode;

static int parse_mode(TrValue mode, OpenMode *m)
{
    TrStr *s = tr_as_str(mode);
    memset(m, 0, sizeof *m);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = tr_str_char(s, i);
        bool *flag = c == 'x'   ? &m->creating
                     : c == 'r' ? &m->reading
                     : c == 'w' ? &m->writing
                     : c == 'a' ? &m->appending
                     : c == '+' ? &m->updating
                     : c == 't' ? &m->text
                     : c == 'b' ? &m->binary
                                : NULL;
        if (!flag || *flag) {
            tr_raise(&tr_ValueError, "invalid mode: %R", mode);
            return -1;
        }
        *flag = true;
    }
    if (m->text && m->binary) {
        tr_raise(&tr_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    int n = m->creating + m->reading + m->writing + m->appending;
    if (n > 1) {
        tr_raise(&tr_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (n == 0) {
        tr_raise(&tr_ValueError, "Must have exactly one of create/read/write/append mode and "
                                 "at most one plus");
        return -1;
    }
    return 0;
}

/* The encoding= argument: CPython's aliases of the three codecs we have, or -1. */
static int lookup_encoding(TrValue enc)
{
    char buf[32];
    const char *s = tr_str_utf8(enc);
    size_t n = strlen(s), j = 0;
    if (n >= sizeof buf)
        return -1;
    for (size_t i = 0; i < n; i++)
        buf[j++] = s[i] == '-' || s[i] == ' ' ? '_' : (char)tolower((unsigned char)s[i]);
    buf[j] = 0;
    static const struct {
        const char *name;
        int enc;
    } aliases[] = {
        {"utf_8", TR_ENC_UTF8},      {"utf8", TR_ENC_UTF8},       {"u8", TR_ENC_UTF8},
        {"utf", TR_ENC_UTF8},        {"cp65001", TR_ENC_UTF8},    {"latin_1", TR_ENC_LATIN1},
        {"latin1", TR_ENC_LATIN1},   {"iso_8859_1", TR_ENC_LATIN1},
        {"iso8859_1", TR_ENC_LATIN1}, {"l1", TR_ENC_LATIN1},      {"8859", TR_ENC_LATIN1},
        {"ascii", TR_ENC_ASCII},     {"us_ascii", TR_ENC_ASCII},  {"646", TR_ENC_ASCII},
    };
    for (size_t i = 0; i < TR_ARRAY_LEN(aliases); i++)
        if (!strcmp(buf, aliases[i].name))
            return aliases[i].enc;
    return -1;
}

static int lookup_newline(TrValue nl)
{
    if (!nl || nl == TR_NONE)
        return TR_NL_UNIVERSAL;
    const char *s = tr_str_utf8(nl);
    if (!strcmp(s, "") && tr_as_str(nl)->len == 0)
        return TR_NL_ANY;
    if (!strcmp(s, "\n"))
        return TR_NL_LF;
    if (!strcmp(s, "\r"))
        return TR_NL_CR;
    if (!strcmp(s, "\r\n"))
        return TR_NL_CRLF;
    tr_raise(&tr_ValueError, "illegal newline value: %U", nl);
    return -1;
}

static int check_str_or_none(TrValue v, const char *what)
{
    if (v && v != TR_NONE && !tr_is_str(v)) {
        tr_raise(&tr_TypeError, "open() argument '%s' must be str or None, not %s", what,
                 tr_type_name(v));
        return -1;
    }
    return 0;
}

/* The file descriptor for path (opened as m asks), or -1 with the OSError raised. */
static int open_path(TrValue file, const OpenMode *m)
{
    int flags = O_CLOEXEC;
    if (m->reading)
        flags |= m->updating ? O_RDWR : O_RDONLY;
    else
        flags |= (m->updating ? O_RDWR : O_WRONLY) | O_CREAT |
                 (m->writing ? O_TRUNC : m->appending ? O_APPEND : O_EXCL);
    const char *path = tr_is_str(file) ? tr_str_utf8(file)
                                       : (const char *)((TrBytes *)tr_obj(file))->data;
    int fd = open(path, flags, 0666);
    if (fd < 0) {
        tr_io_raise_errno(errno, file);
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        tr_io_raise_errno(EISDIR, file);
        return -1;
    }
    return fd;
}

static TrValue open_file(TrValue file, TrValue mode, TrValue encoding, TrValue errors,
                         TrValue newline, TrValue closefd)
{
    if (!mode)
        mode = tr_str_from_cstr("r");
    else if (!tr_is_str(mode))
        return tr_raise(&tr_TypeError, "open() argument 'mode' must be str, not %s",
                        tr_type_name(mode));
    if (check_str_or_none(encoding, "encoding") < 0 || check_str_or_none(errors, "errors") < 0 ||
        check_str_or_none(newline, "newline") < 0)
        return TR_ERR;
    bool is_fd = tr_is_int(file) && !tr_isinstance(file, &tr_bool_type);
    if (!is_fd && !tr_is_str(file) && !tr_is_bytes(file))
        return tr_raise(&tr_TypeError, "expected str, bytes or os.PathLike object, not %s",
                        tr_type_name(file));
    OpenMode m;
    if (parse_mode(mode, &m) < 0)
        return TR_ERR;
    if (m.binary && encoding && encoding != TR_NONE)
        return tr_raise(&tr_ValueError, "binary mode doesn't take an encoding argument");
    if (m.binary && errors && errors != TR_NONE)
        return tr_raise(&tr_ValueError, "binary mode doesn't take an errors argument");
    if (m.binary && newline && newline != TR_NONE)
        return tr_raise(&tr_ValueError, "binary mode doesn't take a newline argument");
    int closefd_flag = closefd ? tr_truth(closefd) : 1;
    if (closefd_flag < 0)
        return TR_ERR;
    int fd;
    if (is_fd) {
        int64_t n;
        if (tr_index_i64(file, &n) < 0)
            return TR_ERR;
        if (n < 0)
            return tr_raise(&tr_ValueError, "negative file descriptor");
        fd = (int)n;
    } else {
        if (!closefd_flag)
            return tr_raise(&tr_ValueError, "Cannot use closefd=False with file name");
        if ((fd = open_path(file, &m)) < 0)
            return TR_ERR;
    }
    int enc = TR_ENC_UTF8, nl = TR_NL_UNIVERSAL;
    if (!m.binary) {
        if (encoding && encoding != TR_NONE && (enc = lookup_encoding(encoding)) < 0) {
            if (!is_fd)
                close(fd);
            return tr_raise(&tr_LookupError, "unknown encoding: %U", encoding);
        }
        if ((nl = lookup_newline(newline)) < 0) {
            if (!is_fd)
                close(fd);
            return TR_ERR;
        }
    }
    const char *cmode = m.reading ? (m.updating ? "r+" : "r")
                        : m.appending ? (m.updating ? "a+" : "a")
                                      : (m.updating ? "r+" : "w");
    FILE *fp = fdopen(fd, cmode);
    if (!fp) {
        int err = errno;
        if (!is_fd)
            close(fd);
        return tr_io_raise_errno(err, 0);
    }
    /* CPython's binary mode string (FileIO.mode); text files keep the mode as given. */
    const char *bmode = m.creating    ? (m.updating ? "xb+" : "xb")
                        : m.appending ? (m.updating ? "ab+" : "ab")
                        : m.reading   ? (m.updating ? "rb+" : "rb")
                                      : (m.updating ? "rb+" : "wb");
    TrValue v = tr_file_from_fp(fp, "", bmode, is_fd ? closefd_flag : true);
    TrFile *f = F(v);
    f->name = file;
    f->writable = !m.reading || m.updating;
    f->readable = m.reading || m.updating;
    if (!m.binary) {
        f->ob.type = &tr_file_type;
        f->binary = false;
        f->mode = mode;
        f->enc = (uint8_t)enc;
        f->newline = (uint8_t)nl;
        f->encoding = encoding && encoding != TR_NONE ? encoding : tr_str_from_cstr("UTF-8");
    }
    return v;
}

TrValue tr_open(TrValue file, TrValue mode, TrValue encoding)
{
    return open_file(file, mode, encoding, 0, 0, 0);
}

TrValue tr_io_open_builtin(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    static const char *const names[] = {"file",   "mode",    "buffering", "encoding",
                                        "errors", "newline", "closefd",   "opener"};
    TrValue a[8] = {0};
    if (tr_parse_args("open", args, nargs, kwnames, names, 1, 8, 0, 8, a) < 0)
        return TR_ERR;
    if (a[2] && !tr_is_int(a[2]))
        return tr_raise(&tr_TypeError, "'%s' object cannot be interpreted as an integer",
                        tr_type_name(a[2]));
    if (a[7] && a[7] != TR_NONE)
        return tr_raise(&tr_NotImplementedError, "open() with an opener is not supported");
    return open_file(a[0], a[1], a[3], a[4], a[5], a[6]);
}
