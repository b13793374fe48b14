/*
 * mod_io.c -- the _io module: the file types of io.c (TextIOWrapper, Buffered*), open and
 * UnsupportedOperation under their CPython names, for lib/io.py (which adds StringIO and
 * BytesIO).
 */
#include "runtime/mod_util.h"

TrValue tr_mod__io_init(void)
{
    TrValue m = tr_module_new(tr_str_intern_cstr("_io"));
    /* io.c's static type has no constructor of its own: let Python code raise it too
       (`raise UnsupportedOperation("fileno")`) by inheriting OSError's. */
    TrType *u = &tr_UnsupportedOperation;
    tr_type_ready(u);
    for (TrType *b = u->base; b && !u->new; b = b->base)
        u->new = b->new;
    if (!u->basicsize)
        u->basicsize = tr_OSError.basicsize;
    tr_module_add(m, "TextIOWrapper", tr_val(&tr_file_type));
    tr_module_add(m, "BufferedReader", tr_val(&tr_bufreader_type));
    tr_module_add(m, "BufferedWriter", tr_val(&tr_bufwriter_type));
    tr_module_add(m, "BufferedRandom", tr_val(&tr_bufrandom_type));
    tr_module_add(m, "UnsupportedOperation", tr_val(&tr_UnsupportedOperation));
    tr_module_add(m, "open", tr_builtin_new("open", tr_io_open_builtin, m));
    tr_module_add(m, "DEFAULT_BUFFER_SIZE", tr_small_new(8192));
    return m;
}
