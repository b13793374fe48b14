/* tuple.h -- Python tuple: a fixed array of values, hashable when its items are. */
#ifndef TR_TUPLE_H
#define TR_TUPLE_H

#include "runtime/object.h"

typedef struct TrTuple {
    TrObject ob;
    int64_t len;
    TrValue items[];
} TrTuple;

extern TrType tr_tuple_type;

static inline bool tr_is_tuple(TrValue v)
{
    return tr_is_ptr(v) && (tr_obj(v)->type == &tr_tuple_type ||
                            (tr_obj(v)->type->flags & TR_TYPE_TUPLE_SUB));
}
static inline TrTuple *tr_as_tuple(TrValue v) { return (TrTuple *)tr_obj(v); }
TrValue tr_tuple_new(int64_t len); /* items zero: fill them before the tuple escapes */
TrValue tr_tuple_from(const TrValue *items, int64_t n);
TrValue tr_tuple_pack(int n, ...); /* n TrValues */
TrValue tr_tuple_empty(void);
TrValue tr_tuple_from_iter(TrValue iterable); /* tuple(x) */

#endif
