/*
 * shape.h -- hidden classes: an instance's attribute names live in a shared shape (a node of a
 * transition tree keyed by attribute name) and its values in a plain array, so a cached
 * attribute access is one shape compare and one load. Deleting an attribute or asking for
 * __dict__ switches the instance to "dict mode", where a real dict is the storage.
 */
#ifndef TR_SHAPE_H
#define TR_SHAPE_H

#include "runtime/object.h"

typedef struct TrShape TrShape;
struct TrShape {
    TrShape *parent;
    TrValue name;       /* attribute added by the transition into this shape (0 for the root) */
    int32_t count;      /* attributes in this shape; the new one sits at index count - 1 */
    int32_t nkids, capkids;
    TrShape **kids;     /* transitions */
    TrValue table;      /* name -> index dict, built on first lookup in big shapes (or 0) */
};

typedef struct TrAttrs {
    TrShape *shape;  /* NULL: no attributes yet (the root) */
    TrValue *values; /* capacity: max(4, next power of two >= count) */
    TrValue dict;    /* dict mode: the attributes live here, shape and values unused */
} TrAttrs;

#define TR_SHAPE_MAX 64 /* more attributes than this: dict mode */

int32_t tr_shape_find(const TrShape *s, TrValue name); /* index, or -1 */
TrShape *tr_shape_add(TrShape *s, TrValue name);      /* the child for name (s may be NULL) */

TrValue tr_attrs_get(TrAttrs *a, TrValue name); /* 0 when absent (TR_ERR on dict error) */
int tr_attrs_set(TrAttrs *a, TrValue name, TrValue value); /* 0 or -1 */
int tr_attrs_del(TrAttrs *a, TrValue name);      /* 0, 1 when absent, -1 on error */
TrValue tr_attrs_dict(TrAttrs *a);               /* switches to dict mode; the dict */

#endif
