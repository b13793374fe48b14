/* list.h -- Python list: a growable array of values; list.sort is a stable merge sort. */
#ifndef TR_LIST_H
#define TR_LIST_H

#include "runtime/object.h"

typedef struct TrList {
    TrObject ob;
    int64_t len, cap;
    TrValue *items;
} TrList;

extern TrType tr_list_type;

/* list_iterator (and the reverse one); public so that the VM's FOR_ITER can step it. */
typedef struct TrListIter {
    TrObject ob;
    TrValue seq; /* 0 once exhausted */
    int64_t idx;
} TrListIter;
extern TrType tr_list_iter_type;

static inline bool tr_is_list(TrValue v)
{
    return tr_is_ptr(v) && (tr_obj(v)->type == &tr_list_type ||
                            (tr_obj(v)->type->flags & TR_TYPE_LIST_SUB));
}
static inline TrList *tr_as_list(TrValue v) { return (TrList *)tr_obj(v); }
TrValue tr_list_new(int64_t cap); /* empty, room for cap */
TrValue tr_list_from(const TrValue *items, int64_t n);
int tr_list_append(TrValue list, TrValue v);
int tr_list_extend(TrValue list, TrValue iterable);
TrValue tr_list_from_iter(TrValue iterable); /* list(x) */
/* sorts in place: key may be 0 (none); stable; raises like CPython on mixed types */
int tr_list_sort(TrValue list, TrValue key, bool reverse);
TrValue tr_list_getitem_i(TrValue list, int64_t i); /* negative i counts from the end; IndexError */

#endif
