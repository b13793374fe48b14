/*
 * io.h -- file objects: sys.stdout/stderr/stdin and open() in text and binary modes
 * (read, readline, readlines, iteration, write, close, with-statement support).
 * Text is UTF-8. stdout is buffered and flushed at exit and before stderr output.
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
} TrFile;

extern TrType tr_file_type;

TrValue tr_file_from_fp(FILE *fp, const char *name, const char *mode, bool owns);
TrValue tr_open(TrValue file, TrValue mode, TrValue encoding);
int tr_file_write_str(TrValue file, TrValue s); /* file.write(s) for any object with write */
int tr_file_flush(TrValue file);
void tr_io_flush_std(void); /* flush sys.stdout and sys.stderr (before exit, before errors) */

#endif
