/* src/objects/dictobject.h — dict and set internals shared by dictobject.c (the table),
 * dictviews.c (views and iterators) and setobject.c; and the one dict entry point the
 * collector uses. Layout notes: docs/internals/objects.md, "dict and set". */
#ifndef OU_DICTOBJECT_H
#define OU_DICTOBJECT_H

#include "objects/objects.h"

/* ------------------------------------------------------------------------- dict --
 * CPython 3.6+'s compact dict. The keys block is one allocation:
 *
 *   OuDictKeys header (24 B) | indices: 2^log2_size slots of int8/16/32/64 | entries
 *
 * An index slot holds DKIX_EMPTY (never used), DKIX_DUMMY (its entry was deleted) or the
 * position of an entry. Entries are appended in insertion order (dk_nentries of them,
 * room for USABLE(size) = size*2/3); a deleted entry keeps its place with key and value
 * NULL until a resize compacts the array. Invariants:
 *   ma_used == number of entries with a non-NULL value <= dk_nentries
 *   dk_usable + dk_nentries == USABLE(size)
 *   every live entry is reachable from its hash's probe sequence
 *     (i = hash & mask; then perturb >>= 5; i = (i*5 + perturb + 1) & mask)
 *
 * Sizes (64-bit): OuroDict is 24 bytes, 32 with its GC header (CPython 3.11: 64). An
 * empty dict has no keys block at all (ma_keys == NULL); the first insertion allocates
 * 8 slots: 24 + 8 + 5*24 = 152 bytes, 184 in all (CPython's {1: 2}: 224). */
typedef struct OuDictEntry {
    ouro_hash me_hash;
    OuroObject *me_key;   /* owned; NULL for a deleted entry */
    OuroObject *me_value; /* owned; NULL for a deleted entry */
} OuDictEntry;

typedef struct OuDictKeys {
    uint8_t dk_log2_size;        /* index slots = 1 << dk_log2_size (>= 3) */
    uint8_t dk_log2_index_bytes; /* bytes of the index array = 1 << this */
    uint8_t dk_pad[6];
    ouro_ssize dk_usable;        /* entries that may still be appended before a resize */
    ouro_ssize dk_nentries;      /* entries used so far, deleted ones included */
    int8_t dk_indices[];         /* the index array, then the entries */
} OuDictKeys;

typedef struct OuroDict {
    OuroObject ob_base;
    ouro_ssize ma_used;   /* live entries: len(d) */
    OuDictKeys *ma_keys;  /* NULL while the dict is empty (never filled, or cleared) */
} OuroDict;

#define OU_DICT(o) ((OuroDict *)(o))

static inline OuDictEntry *ou_dk_entries(const OuDictKeys *k)
{
    return (OuDictEntry *)(void *)((char *)(uintptr_t)k->dk_indices +
                                   ((size_t)1 << k->dk_log2_index_bytes));
}

/* Views (dict_keys, dict_values, dict_items): a reference to the dict, GC-tracked. */
typedef struct OuDictView {
    OuroObject ob_base;
    OuroObject *dv_dict; /* owned, never NULL */
} OuDictView;

static inline bool ou_dictview_set_check(const OuroObject *o)
{
    return OURO_TYPE(o) == &ou_dict_keys_type || OURO_TYPE(o) == &ou_dict_items_type;
}

/* Next live entry at or after *pos with its hash; as ouro_dict_next otherwise. */
int ou_dict_next_hash(OuroObject *d, ouro_ssize *pos, OuroObject **key, OuroObject **value,
                      ouro_hash *hash);
/* Borrowed value for key with a known hash: NULL without exception when absent, NULL
 * with an exception when a comparison failed. */
OuroObject *ou_dict_get_item_hash(OuroObject *d, OuroObject *key, ouro_hash hash);
/* 1 / 0 / -1, with a known hash. */
int ou_dict_contains_hash(OuroObject *d, OuroObject *key, ouro_hash hash);
/* d[key] = value with a known hash; key and value borrowed. 0 / -1. */
int ou_dict_set_item_hash(OuroObject *d, OuroObject *key, ouro_hash hash, OuroObject *value);
/* del d[key] with a known hash: 0, or -1 with KeyError / another exception. */
int ou_dict_del_item_hash(OuroObject *d, OuroObject *key, ouro_hash hash);
/* The collector's hook (CPython's _PyDict_MaybeUntrack): untracks a tracked exact dict
 * whose keys and values can none of them be part of a cycle. Never fails. */
void ou_dict_maybe_untrack(OuroObject *d);
/* 1 if o is a GC object that may be tracked: a GC-type instance other than an untracked
 * tuple or a static type (CPython's _PyObject_GC_MAY_BE_TRACKED). Never fails. */
bool ou_object_gc_may_be_tracked(OuroObject *o);

/* dictviews.c: a new view / iterator of dict d of the given type (one of the ou_dict_*
 * view or iterator types). New reference, or NULL with MemoryError. */
OuroObject *ou_dictview_new(OuroObject *d, OuroType *type);
OuroObject *ou_dictiter_new(OuroObject *d, OuroType *type);

/* -------------------------------------------------------------------------- set --
 * CPython's set: open addressing over a table of (key, hash) entries; a probe looks at
 * LINEAR_PROBES (9) neighbours before jumping with perturbation. A slot is unused (key
 * NULL, hash 0), active, or a dummy (key == the dummy sentinel, hash -1). Invariants:
 *   used <= fill <= mask;  fill*5 < mask*3 after every insertion (else it resizes)
 *   table == smalltable while mask == 7 (tables of 8 entries live inside the object)
 * Sizes (64-bit): 200 bytes + 8 of GC header (CPython 3.11: 216 with its header). */
#define OU_SET_MINSIZE 8

typedef struct OuSetEntry {
    OuroObject *key; /* owned when active */
    ouro_hash hash;
} OuSetEntry;

typedef struct OuroSet {
    OuroObject ob_base;
    ouro_ssize fill;   /* active + dummy slots */
    ouro_ssize used;   /* active slots: len(s) */
    ouro_ssize mask;   /* table size - 1 (a power of two minus one) */
    OuSetEntry *table; /* smalltable, or a block from ou_mem_alloc */
    ouro_hash hash;    /* frozenset's cached hash, -1 until computed */
    ouro_ssize finger; /* where pop() looks next */
    OuSetEntry smalltable[OU_SET_MINSIZE];
    OuroObject *weakreflist; /* tp_weaklistoffset: sets can be weakly referenced */
} OuroSet;

/* Next active entry of a set or frozenset at or after *pos: 1 with borrowed *key and its
 * *hash, or 0 at the end. The set must not change during the loop. */
int ou_set_next_entry(OuroObject *s, ouro_ssize *pos, OuroObject **key, ouro_hash *hash);
/* The set algebra the dict views reuse (s is a set, or a frozenset being built):
 * s.update(other), s.difference_update(other), s.symmetric_difference_update(other):
 * 0 / -1; s.intersection(other): new reference or NULL. */
int ou_set_update(OuroObject *s, OuroObject *other);
int ou_set_difference_update(OuroObject *s, OuroObject *other);
int ou_set_symmetric_difference_update(OuroObject *s, OuroObject *other);
OuroObject *ou_set_intersection(OuroObject *s, OuroObject *other);

#endif
