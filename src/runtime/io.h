/*
 * io.h -- file objects: sys.stdout/stderr/stdin and open() in text and binary modes
 * (read, readline, readlines, iteration, write, close, with-statement support).
 * Text is UTF-8 (latin-1 and ascii on request). stdout is buffered and flushed at exit and
 * before stderr output.
 */
#ifndef TR_IO_H
#define TR_IO_H

#include "runtime/object.h"

#include <stdio.h>

typedef struct TrFile {
    TrObject ob;
    FILE *fp;
    TrValue name; /* str or int */
    TrValue mode; /* str */
    bool binary, readable, writable, closed, owns;
    bool appending, created;
    bool bsreplace;   /* errors='backslashreplace' (sys.stderr), else 'strict' */
    uint8_t enc;      /* text files: TR_ENC_* */
    uint8_t newline;  /* text files: TR_NL_* (the newline= argument of open) */
    uint8_t lastop;   /* 0, 'r' or 'w': stdio needs a seek between reads and writes */
    TrValue encoding; /* str as given to open (text files), else 0 */
    /* text files: the binary file over the same FILE, made on demand; in that binary file,
       the text file (which owns the FILE) */
    TrValue buffer;
} TrFile;

enum { TR_ENC_UTF8, TR_ENC_LATIN1, TR_ENC_ASCII };
/* newline=None (translate \r and \r\n to \n on input), '' (lines end at any of them, kept
   as is), '\n', '\r', '\r\n' (lines end there; on output '\n' becomes it). */
enum { TR_NL_UNIVERSAL, TR_NL_ANY, TR_NL_LF, TR_NL_CR, TR_NL_CRLF };

/* _io.TextIOWrapper, _io.BufferedReader, _io.BufferedWriter, _io.BufferedRandom: all TrFile */
extern TrType tr_file_type, tr_bufreader_type, tr_bufwriter_type, tr_bufrandom_type;
extern TrType tr_UnsupportedOperation; /* io.UnsupportedOperation (an OSError) */

bool tr_is_file(TrValue v);
TrValue tr_file_from_fp(FILE *fp, const char *name, const char *mode, bool owns);
TrValue tr_open(TrValue file, TrValue mode, TrValue encoding); /* mode/encoding may be 0 */
/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
   opener=None): the builtin, a TrCFunc. */
TrValue tr_io_open_builtin(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames);
int tr_file_write_str(TrValue file, TrValue s); /* file.write(s) for any object with write */
int tr_file_flush(TrValue file);                /* file.flush() for any object */
TrValue tr_file_readline(TrValue file);         /* file.readline() for any object */
/* The file objects over C's stdin (0), stdout (1) and stderr (2), made once. */
TrValue tr_io_std(int fd);
void tr_io_flush_std(void);
/* Raises the OSError subclass CPython uses for errno err (FileNotFoundError...). */
TrValue tr_io_raise_errno(int err, TrValue filename); /* flush sys.stdout and sys.stderr (before exit, before errors) */

#endif
