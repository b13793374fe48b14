/*
 * dict.h -- Python dict: compact and ordered (a hash index into an insertion-ordered entry
 * array), with CPython's probing so behaviour matches; entries cache their key's hash.
 */
#ifndef TR_DICT_H
#define TR_DICT_H

#include "runtime/object.h"

typedef struct TrDictEntry {
    int64_t hash;
    TrValue key;   /* 0: deleted slot */
    TrValue value;
} TrDictEntry;

typedef struct TrDict {
    TrObject ob;
    int64_t used;      /* live entries */
    int64_t nentries;  /* entries[0..nentries) in use, including deleted */
    int64_t cap;       /* size of entries[] */
    int64_t mask;      /* index size - 1 */
    int64_t *index;    /* -1 empty, -2 dummy, else entry number */
    TrDictEntry *entries;
    uint64_t version;  /* bumped on every change, for inline caches */
    /* Changes (to a fresh number from one global counter) whenever keys are added or removed
       or the entries move, never when only a value is replaced: a (keys_version, entry number)
       pair found once stays valid while keys_version is unchanged, whatever the dict. 0: the
       dict never held a key. */
    uint64_t keys_version;
} TrDict;

extern uint64_t tr_dict_keys_epoch; /* the counter behind keys_version */
/* Entry number of an str key, -1 when absent (no exception), -2 when the lookup needs
   comparisons that can run Python code (non-str keys of equal hash): the caller falls back. */
int64_t tr_dict_find_str(TrValue d, TrValue key);

extern TrType tr_dict_type;

static inline bool tr_is_dict(TrValue v)
{
    return tr_is_ptr(v) && (tr_obj(v)->type == &tr_dict_type ||
                            (tr_obj(v)->type->flags & TR_TYPE_DICT_SUB));
}
static inline TrDict *tr_as_dict(TrValue v) { return (TrDict *)tr_obj(v); }
TrValue tr_dict_new(void);
/* Lookup: returns the value, or 0 with no exception when absent, TR_ERR on error (a raising
   __eq__ or unhashable key). */
TrValue tr_dict_get(TrValue d, TrValue key);
TrValue tr_dict_get_str(TrValue d, TrValue key); /* key is an interned or plain str */
TrValue tr_dict_get_cstr(TrValue d, const char *key);
int tr_dict_set(TrValue d, TrValue key, TrValue value);
int tr_dict_set_cstr(TrValue d, const char *key, TrValue value);
int tr_dict_del(TrValue d, TrValue key); /* KeyError if absent */
/* Iteration: *pos starts at 0; returns false at the end. */
bool tr_dict_next(TrValue d, int64_t *pos, TrValue *key, TrValue *value);
int tr_dict_update(TrValue d, TrValue other); /* dict.update(other): mapping or pairs */
int tr_dict_merge(TrValue d, TrValue other, bool override); /* for {**a} and f(**a) */
TrValue tr_dict_copy(TrValue d);
TrValue tr_dict_keys_list(TrValue d);
/* Note: tr_dict_merge with override false raises KeyError(key) for a key already present; the
   caller (CALL_FUNCTION_EX, DICT_MERGE) turns it into "got multiple values for keyword argument".
   A non-mapping other gives TypeError "'int' object is not a mapping". */

/* Known-hash forms (hash from tr_hash), used by set and by the views. */
TrValue tr_dict_new_presized(int64_t n); /* room for n entries without resizing */
TrValue tr_dict_get_hashed(TrValue d, TrValue key, int64_t hash); /* as tr_dict_get */
int tr_dict_set_hashed(TrValue d, TrValue key, int64_t hash, TrValue value);
int tr_dict_del_hashed(TrValue d, TrValue key, int64_t hash);
int tr_dict_contains(TrValue d, TrValue key); /* 1, 0, -1 */
bool tr_dict_next_hash(TrValue d, int64_t *pos, TrValue *key, TrValue *value, int64_t *hash);

#endif
