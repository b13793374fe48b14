/*
 * rt_symbols.c -- the table of rt_symbols.h: built from ir_ops.def (one row per helper) plus
 * the symbols the code generators use directly.
 */
#include "backend/rt_symbols.h"

#include "runtime/runtime.h"
#include "vm/native.h"
#include "vm/native_rt.h"
#include "vm/ops.h"

#include <string.h>

#define NONE NULL
static const RtSymbol symbols[] = {
#define IROP(name, type, nargs, flags, helper, sig) {#helper, (void *)helper},
#include "ir/ir_ops.def"
#undef IROP
    {"vm_native_error", (void *)vm_native_error},
    {"vm_native_resume", (void *)vm_native_resume},
    {"tr_range_iter_make", (void *)tr_range_iter_make},
    {"tr_none_obj", &tr_none_obj},
    {"tr_true_obj", &tr_true_obj},
    {"tr_false_obj", &tr_false_obj},
    {"tr_notimpl_obj", &tr_notimpl_obj},
    {"tr_ellipsis_obj", &tr_ellipsis_obj},
    {"tr_int_type", &tr_int_type},
    {"tr_float_type", &tr_float_type},
    {"tr_bool_type", &tr_bool_type},
    {"tr_str_type", &tr_str_type},
    {"tr_list_type", &tr_list_type},
    {"tr_tuple_type", &tr_tuple_type},
    {"tr_dict_type", &tr_dict_type},
    {"tr_set_type", &tr_set_type},
    {"tr_none_type", &tr_none_type},
    {"tr_function_type", &tr_function_type},
    {"tr_builtin_type", &tr_builtin_type},
    {"tr_range_type", &tr_range_type},
    {"tr_AssertionError", &tr_AssertionError},
    {"tr_bi_len", (void *)tr_bi_len},
    {"tr_math_sqrt", (void *)tr_math_sqrt},
};

const char *rt_symbol_name(const void *addr)
{
    for (size_t k = 0; k < TR_ARRAY_LEN(symbols); k++)
        if (symbols[k].addr == addr)
            return symbols[k].name;
    return NULL;
}

void *rt_symbol_lookup(const char *name)
{
    for (size_t k = 0; k < TR_ARRAY_LEN(symbols); k++)
        if (symbols[k].addr && !strcmp(symbols[k].name, name))
            return symbols[k].addr;
    return NULL;
}
