/*
 * mod_util.c -- helpers shared by the C standard-library modules (see mod_util.h).
 */
#include "runtime/mod_util.h"

void tr_mod_set_type_module(TrType *t, const char *module)
{
    tr_type_ready(t);
    tr_dict_set_cstr(t->dict, "__module__", tr_str_intern_cstr(module));
}

int tr_mod_arg_i64(TrValue v, int64_t *out)
{
    if (!tr_is_int(v)) {
        TrValue i = tr_index(v);
        if (!i)
            return -1;
        v = i;
    }
    return tr_int_to_i64(v, out);
}
