/* src/objects/setobject.c — set and frozenset: CPython 3.11's open-addressing table with
 * linear probing before perturbation (layout and invariants in dictobject.h), so that
 * iteration order matches python3's for the same hashes. */
#include "objects/dictobject.h"

#include <string.h>

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* Marks a deleted slot (with hash -1). Only its address is used: it is never a real
 * key, never INCREF'd, never given out. */
static OuroObject dummy_struct = OURO_STATIC_HEAD(OURO_TID_TYPE);
#define dummy (&dummy_struct)

#define SET(o) ((OuroSet *)(o))
#define DISCARD_NOTFOUND 0
#define DISCARD_FOUND 1

static inline bool set_check(const OuroObject *o)
{
    return ouro_object_type_check(o, &ouro_set_type);
}

static inline bool anyset_check_exact(const OuroObject *o)
{
    return OURO_TYPE(o) == &ouro_set_type || OURO_TYPE(o) == &ouro_frozenset_type;
}

/* The hash of a key, through str's cached hash when possible. -1 with an exception. */
static inline ouro_hash key_hash(OuroObject *key)
{
    if (ouro_str_check_exact(key))
        return ouro_str_hash(key);
    return ouro_object_hash(key);
}

/* ------------------------------------------------------------------------ probing -- */

/* Returns the entry holding key, or the unused entry where the search ended (key NULL),
 * or NULL with an exception. Restarts when a comparison mutated the table. */
static OuSetEntry *set_lookkey(OuroSet *so, OuroObject *key, ouro_hash hash)
{
restart:;
    size_t perturb = (size_t)hash;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    for (;;) {
        OuSetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                OuroObject *startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (ouro_str_check_exact(startkey) && ouro_str_check_exact(key)) {
                    if (ouro_str_equal(startkey, key))
                        return entry;
                } else {
                    OuSetEntry *table = so->table;
                    OURO_INCREF(startkey);
                    int cmp = ouro_object_richcompare_bool(startkey, key, OURO_EQ);
                    OURO_DECREF(startkey);
                    if (cmp < 0)
                        return NULL;
                    if (table != so->table || entry->key != startkey)
                        goto restart;
                    if (cmp > 0)
                        return entry;
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_table_resize(OuroSet *so, ouro_ssize minused);

/* Adds key (borrowed) with its hash. Reuses the last dummy met on the probe path, as
 * CPython 3.11 does (set(range(30)), discard the evens, add 2: python3 prints 2 after
 * 19, in slot 20). 0, or -1 with an exception. */
static int set_add_entry(OuroSet *so, OuroObject *key, ouro_hash hash)
{
    OuSetEntry *freeslot, *entry;
    size_t perturb, mask, i;
    /* Held across the comparisons, which could otherwise free it. */
    OURO_INCREF(key);
restart:
    mask = (size_t)so->mask;
    i = (size_t)hash & mask;
    freeslot = NULL;
    perturb = (size_t)hash;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                OuroObject *startkey = entry->key;
                if (startkey == key)
                    goto found_active;
                if (ouro_str_check_exact(startkey) && ouro_str_check_exact(key)) {
                    if (ouro_str_equal(startkey, key))
                        goto found_active;
                } else {
                    OuSetEntry *table = so->table;
                    OURO_INCREF(startkey);
                    int cmp = ouro_object_richcompare_bool(startkey, key, OURO_EQ);
                    OURO_DECREF(startkey);
                    if (cmp > 0)
                        goto found_active;
                    if (cmp < 0)
                        goto comparison_error;
                    if (table != so->table || entry->key != startkey)
                        goto restart;
                    mask = (size_t)so->mask;
                }
            } else if (entry->hash == -1) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    /* The key is in: a failed resize leaves a valid, merely crowded, table (the table
     * always keeps an unused slot: fill <= mask*3/5 + 1). */
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    OURO_DECREF(key);
    return 0;
comparison_error:
    OURO_DECREF(key);
    return -1;
}

/* Inserts a key known to be absent into a table without dummies; no comparisons, so no
 * user code runs in the middle of a resize. The caller maintains fill/used and refs. */
static void set_insert_clean(OuSetEntry *table, size_t mask, OuroObject *key, ouro_hash hash)
{
    OuSetEntry *entry;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

/* Rebuilds the table with the smallest power-of-two size > minused, dropping dummies.
 * Reference-neutral. On MemoryError the set is unchanged. */
static int set_table_resize(OuroSet *so, ouro_ssize minused)
{
    OuSetEntry *oldtable = so->table, *newtable, *entry;
    ouro_ssize oldmask = so->mask;
    bool oldtable_malloced = oldtable != so->smalltable;
    OuSetEntry small_copy[OU_SET_MINSIZE];

    size_t newsize = OU_SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;

    if (newsize == OU_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0; /* no dummies: nothing to do */
            /* Rebuild in place to purge dummies (needed when fill reaches the size:
             * lookups need an unused slot to stop). */
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > ((size_t)1 << 58) || !(newtable = ou_mem_alloc(sizeof(OuSetEntry) * newsize))) {
            ouro_err_no_memory();
            return -1;
        }
    }
    memset(newtable, 0, sizeof(OuSetEntry) * newsize);
    so->mask = (ouro_ssize)newsize - 1;
    so->table = newtable;
    size_t newmask = (size_t)so->mask;
    if (so->fill == so->used) {
        for (entry = oldtable; entry <= oldtable + oldmask; entry++)
            if (entry->key != NULL)
                set_insert_clean(newtable, newmask, entry->key, entry->hash);
    } else {
        so->fill = so->used;
        for (entry = oldtable; entry <= oldtable + oldmask; entry++)
            if (entry->key != NULL && entry->key != dummy)
                set_insert_clean(newtable, newmask, entry->key, entry->hash);
    }
    if (oldtable_malloced)
        ou_mem_free(oldtable);
    return 0;
}

static int set_contains_entry(OuroSet *so, OuroObject *key, ouro_hash hash)
{
    OuSetEntry *entry = set_lookkey(so, key, hash);
    if (!entry)
        return -1;
    return entry->key != NULL;
}

/* DISCARD_FOUND / DISCARD_NOTFOUND / -1. The slot becomes a dummy before the key is
 * released. */
static int set_discard_entry(OuroSet *so, OuroObject *key, ouro_hash hash)
{
    OuSetEntry *entry = set_lookkey(so, key, hash);
    if (!entry)
        return -1;
    if (entry->key == NULL)
        return DISCARD_NOTFOUND;
    OuroObject *old_key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    OURO_DECREF(old_key);
    return DISCARD_FOUND;
}

static int set_add_key(OuroSet *so, OuroObject *key)
{
    ouro_hash hash = key_hash(key);
    if (hash == -1)
        return -1;
    return set_add_entry(so, key, hash);
}

static int set_contains_key(OuroSet *so, OuroObject *key)
{
    ouro_hash hash = key_hash(key);
    if (hash == -1)
        return -1;
    return set_contains_entry(so, key, hash);
}

static int set_discard_key(OuroSet *so, OuroObject *key)
{
    ouro_hash hash = key_hash(key);
    if (hash == -1)
        return -1;
    return set_discard_entry(so, key, hash);
}

static void set_empty_to_minsize(OuroSet *so)
{
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = OU_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* Empties the set first, then drops the keys from a detached copy of the table: a
 * destructor may mutate the set while we release. Never fails. */
static int set_clear_internal(OuroSet *so)
{
    OuSetEntry *table = so->table, *entry;
    ouro_ssize fill = so->fill, used = so->used;
    bool table_malloced = table != so->smalltable;
    OuSetEntry small_copy[OU_SET_MINSIZE];

    if (table_malloced) {
        set_empty_to_minsize(so);
    } else if (fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        set_empty_to_minsize(so);
    }
    for (entry = table; used > 0; entry++) {
        if (entry->key && entry->key != dummy) {
            used--;
            OURO_DECREF(entry->key);
        }
    }
    if (table_malloced)
        ou_mem_free(table);
    return 0;
}

/* Next active entry at or after *pos (borrowed). The set must not change meanwhile. */
static int set_next(OuroSet *so, ouro_ssize *pos, OuSetEntry **entry_out)
{
    ouro_ssize i = *pos, mask = so->mask;
    OuSetEntry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == dummy)) {
        i++;
        entry++;
    }
    *pos = i + 1;
    if (i > mask)
        return 0;
    *entry_out = entry;
    return 1;
}

/* ------------------------------------------------------------------------- slots -- */

static void set_dealloc(OuroObject *self)
{
    OuroSet *so = SET(self);
    ouro_ssize used = so->used;
    ouro_gc_untrack(self);
    for (OuSetEntry *entry = so->table; used > 0; entry++) {
        if (entry->key && entry->key != dummy) {
            used--;
            OURO_DECREF(entry->key);
        }
    }
    if (so->table != so->smalltable)
        ou_mem_free(so->table);
    ouro_object_free(self);
}

static int set_traverse(OuroObject *self, ouro_visitproc visit, void *arg)
{
    ouro_ssize pos = 0;
    OuSetEntry *entry;
    while (set_next(SET(self), &pos, &entry)) {
        int r = visit(entry->key, arg);
        if (r)
            return r;
    }
    return 0;
}

static int set_tp_clear(OuroObject *self)
{
    return set_clear_internal(SET(self));
}

/* a |= b for any set-like or iterable b; a dict adds its keys with their known hashes. */
static int set_merge(OuroSet *so, OuroSet *other)
{
    if (other == so || other->used == 0)
        return 0;
    /* One big resize first, expecting few overlapping keys. */
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        set_table_resize(so, (so->used + other->used) * 2) != 0)
        return -1;
    OuSetEntry *so_entry = so->table, *other_entry = other->table;
    OuroObject *key;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* Same size, no dummies: copy slot for slot. */
        for (ouro_ssize i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            if ((key = other_entry->key) != NULL) {
                so_entry->key = OURO_NEWREF(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        /* Empty target: no duplicates possible, no comparisons needed. */
        so->fill = other->used;
        so->used = other->used;
        for (ouro_ssize i = other->mask + 1; i > 0; i--, other_entry++) {
            key = other_entry->key;
            if (key != NULL && key != dummy)
                set_insert_clean(so->table, (size_t)so->mask, OURO_NEWREF(key), other_entry->hash);
        }
        return 0;
    }
    for (ouro_ssize i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        key = other_entry->key;
        if (key != NULL && key != dummy && set_add_entry(so, key, other_entry->hash))
            return -1;
    }
    return 0;
}

static int set_update_internal(OuroSet *so, OuroObject *other)
{
    if (ouro_anyset_check(other))
        return set_merge(so, SET(other));
    if (ouro_dict_check_exact(other)) {
        ouro_ssize dictsize = ouro_dict_size(other), pos = 0;
        if ((so->fill + dictsize) * 5 >= so->mask * 3 &&
            set_table_resize(so, (so->used + dictsize) * 2) != 0)
            return -1;
        OuroObject *key;
        ouro_hash hash;
        while (ou_dict_next_hash(other, &pos, &key, NULL, &hash))
            if (set_add_entry(so, key, hash))
                return -1;
        return 0;
    }
    OuroObject *it = ouro_object_get_iter(other), *key;
    if (!it)
        return -1;
    while ((key = ouro_iter_next(it)) != NULL) {
        int r = set_add_key(so, key);
        OURO_DECREF(key);
        if (r) {
            OURO_DECREF(it);
            return -1;
        }
    }
    OURO_DECREF(it);
    return ouro_err_occurred() ? -1 : 0;
}

/* A new set or frozenset (or subclass instance) of type, filled from iterable (may be
 * NULL). Tracked from the start, as CPython's. New reference or NULL. */
static OuroObject *make_new_set(OuroType *type, OuroObject *iterable)
{
    OuroSet *so = (OuroSet *)ouro_object_alloc(type);
    if (!so)
        return NULL;
    so->fill = 0;
    so->used = 0;
    so->mask = OU_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    ouro_gc_track(&so->ob_base);
    if (iterable && set_update_internal(so, iterable)) {
        OURO_DECREF(so);
        return NULL;
    }
    return &so->ob_base;
}

/* As make_new_set, with subclasses mapped to set or frozenset (results of the algebra
 * are of the base type). */
static OuroObject *make_new_set_basetype(OuroType *type, OuroObject *iterable)
{
    if (type != &ouro_set_type && type != &ouro_frozenset_type)
        type = ouro_type_is_subtype(type, &ouro_set_type) ? &ouro_set_type : &ouro_frozenset_type;
    return make_new_set(type, iterable);
}

/* frozenset(iterable): an exact frozenset is its own copy. */
static OuroObject *make_new_frozenset(OuroType *type, OuroObject *iterable)
{
    if (type != &ouro_frozenset_type)
        return make_new_set(type, iterable);
    if (iterable && OURO_IS_TYPE(iterable, &ouro_frozenset_type))
        return OURO_NEWREF(iterable);
    return make_new_set(type, iterable);
}

static OuroObject *set_copy(OuroObject *so, OuroObject *unused)
{
    return make_new_set_basetype(OURO_TYPE(so), so);
}

static OuroObject *frozenset_copy(OuroObject *so, OuroObject *unused)
{
    if (OURO_IS_TYPE(so, &ouro_frozenset_type))
        return OURO_NEWREF(so);
    return set_copy(so, NULL);
}

static OuroObject *set_pop(OuroObject *self, OuroObject *unused)
{
    OuroSet *so = SET(self);
    if (so->used == 0) {
        ouro_err_set_string(&ouro_exc_KeyError, "pop from an empty set");
        return NULL;
    }
    /* The finger makes repeated pops linear overall, not quadratic. */
    OuSetEntry *entry = so->table + (so->finger & so->mask);
    OuSetEntry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == dummy) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    OuroObject *key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static ouro_ssize set_len(OuroObject *self)
{
    return SET(self)->used;
}

/* key in s; a set key that is unhashable is looked up as a frozenset, as CPython does. */
static int set_contains(OuroObject *self, OuroObject *key)
{
    int rv = set_contains_key(SET(self), key);
    if (rv < 0) {
        if (!set_check(key) || !ouro_err_matches(&ouro_exc_TypeError))
            return -1;
        ouro_err_clear();
        OuroObject *tmpkey = make_new_set(&ouro_frozenset_type, key);
        if (!tmpkey)
            return -1;
        rv = set_contains_key(SET(self), tmpkey);
        OURO_DECREF(tmpkey);
    }
    return rv;
}

/* s.discard(key) / s.remove(key) with the frozenset fallback for set keys: FOUND,
 * NOTFOUND, or -1. */
static int set_discard_converting(OuroSet *so, OuroObject *key)
{
    int rv = set_discard_key(so, key);
    if (rv < 0) {
        if (!set_check(key) || !ouro_err_matches(&ouro_exc_TypeError))
            return -1;
        ouro_err_clear();
        OuroObject *tmpkey = make_new_set(&ouro_frozenset_type, key);
        if (!tmpkey)
            return -1;
        rv = set_discard_key(so, tmpkey);
        OURO_DECREF(tmpkey);
    }
    return rv;
}

static OuroObject *set_method_contains(OuroObject *self, OuroObject *key)
{
    int r = set_contains(self, key);
    if (r < 0)
        return NULL;
    return OURO_NEWREF(r ? OURO_TRUE : OURO_FALSE);
}

static OuroObject *set_method_add(OuroObject *self, OuroObject *key)
{
    if (set_add_key(SET(self), key))
        return NULL;
    OURO_RETURN_NONE;
}

static OuroObject *set_method_remove(OuroObject *self, OuroObject *key)
{
    int rv = set_discard_converting(SET(self), key);
    if (rv < 0)
        return NULL;
    if (rv == DISCARD_NOTFOUND) {
        ouro_err_set_object(&ouro_exc_KeyError, key);
        return NULL;
    }
    OURO_RETURN_NONE;
}

static OuroObject *set_method_discard(OuroObject *self, OuroObject *key)
{
    if (set_discard_converting(SET(self), key) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

static OuroObject *set_method_clear(OuroObject *self, OuroObject *unused)
{
    set_clear_internal(SET(self));
    OURO_RETURN_NONE;
}

/* ------------------------------------------------------------------- the algebra -- */

static OuroObject *set_union(OuroObject *so, OuroObject *const *args, ouro_ssize nargs)
{
    OuroObject *result = set_copy(so, NULL);
    if (!result)
        return NULL;
    for (ouro_ssize i = 0; i < nargs; i++) {
        if (args[i] == so)
            continue;
        if (set_update_internal(SET(result), args[i])) {
            OURO_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static OuroObject *set_update(OuroObject *so, OuroObject *const *args, ouro_ssize nargs)
{
    for (ouro_ssize i = 0; i < nargs; i++)
        if (set_update_internal(SET(so), args[i]))
            return NULL;
    OURO_RETURN_NONE;
}

/* so & other, of so's base type; iterates the smaller set. */
static OuroObject *set_intersection(OuroObject *so, OuroObject *other)
{
    if (so == other)
        return set_copy(so, NULL);
    OuroObject *result = make_new_set_basetype(OURO_TYPE(so), NULL);
    if (!result)
        return NULL;
    OuroObject *key, *it;
    ouro_hash hash;
    int rv;
    if (ouro_anyset_check(other)) {
        ouro_ssize pos = 0;
        OuSetEntry *entry;
        if (SET(other)->used > SET(so)->used) {
            OuroObject *tmp = so;
            so = other;
            other = tmp;
        }
        while (set_next(SET(other), &pos, &entry)) {
            key = entry->key;
            hash = entry->hash;
            OURO_INCREF(key);
            rv = set_contains_entry(SET(so), key, hash);
            if (rv > 0)
                rv = set_add_entry(SET(result), key, hash) ? -1 : 0;
            OURO_DECREF(key);
            if (rv < 0) {
                OURO_DECREF(result);
                return NULL;
            }
        }
        return result;
    }
    if (!(it = ouro_object_get_iter(other))) {
        OURO_DECREF(result);
        return NULL;
    }
    while ((key = ouro_iter_next(it)) != NULL) {
        hash = key_hash(key);
        rv = hash == -1 ? -1 : set_contains_entry(SET(so), key, hash);
        if (rv > 0) {
            rv = set_add_entry(SET(result), key, hash) ? -1 : 1;
            /* Everything of so is in: no need to look further. */
            if (rv > 0 && SET(result)->used >= SET(so)->used) {
                OURO_DECREF(key);
                break;
            }
        }
        OURO_DECREF(key);
        if (rv < 0)
            goto error;
    }
    if (ouro_err_occurred())
        goto error;
    OURO_DECREF(it);
    return result;
error:
    OURO_DECREF(it);
    OURO_DECREF(result);
    return NULL;
}

static OuroObject *set_intersection_multi(OuroObject *so, OuroObject *const *args,
                                          ouro_ssize nargs)
{
    if (nargs == 0)
        return set_copy(so, NULL);
    OuroObject *result = OURO_NEWREF(so);
    for (ouro_ssize i = 0; i < nargs; i++) {
        OuroObject *newresult = set_intersection(result, args[i]);
        OURO_DECREF(result);
        if (!newresult)
            return NULL;
        result = newresult;
    }
    return result;
}

/* Exchanges the contents of a and b (for the in-place forms that build a new table). */
static void set_swap_bodies(OuroSet *a, OuroSet *b)
{
    ouro_ssize t;
    OuSetEntry *u, tab[OU_SET_MINSIZE];
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    u = a->table == a->smalltable ? b->smalltable : a->table;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (ouro_frozenset_check(&a->ob_base) && ouro_frozenset_check(&b->ob_base)) {
        ouro_hash h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

static OuroObject *set_intersection_update(OuroObject *so, OuroObject *other)
{
    OuroObject *tmp = set_intersection(so, other);
    if (!tmp)
        return NULL;
    set_swap_bodies(SET(so), SET(tmp));
    OURO_DECREF(tmp);
    OURO_RETURN_NONE;
}

static OuroObject *set_intersection_update_multi(OuroObject *so, OuroObject *const *args,
                                                 ouro_ssize nargs)
{
    OuroObject *tmp = set_intersection_multi(so, args, nargs);
    if (!tmp)
        return NULL;
    set_swap_bodies(SET(so), SET(tmp));
    OURO_DECREF(tmp);
    OURO_RETURN_NONE;
}

static int set_difference_update_internal(OuroSet *so, OuroObject *other)
{
    if (&so->ob_base == other)
        return set_clear_internal(so);
    if (ouro_anyset_check(other)) {
        ouro_ssize pos = 0;
        OuSetEntry *entry;
        /* A much bigger other: discard only what both have. */
        if ((SET(other)->used >> 3) > so->used) {
            if (!(other = set_intersection(&so->ob_base, other)))
                return -1;
        } else {
            OURO_INCREF(other);
        }
        while (set_next(SET(other), &pos, &entry)) {
            OuroObject *key = entry->key;
            OURO_INCREF(key);
            int rv = set_discard_entry(so, key, entry->hash);
            OURO_DECREF(key);
            if (rv < 0) {
                OURO_DECREF(other);
                return -1;
            }
        }
        OURO_DECREF(other);
    } else {
        OuroObject *it = ouro_object_get_iter(other), *key;
        if (!it)
            return -1;
        while ((key = ouro_iter_next(it)) != NULL) {
            int rv = set_discard_key(so, key);
            OURO_DECREF(key);
            if (rv < 0) {
                OURO_DECREF(it);
                return -1;
            }
        }
        OURO_DECREF(it);
        if (ouro_err_occurred())
            return -1;
    }
    /* More than a quarter dummies: resize them away. */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static OuroObject *set_difference_update(OuroObject *so, OuroObject *const *args,
                                         ouro_ssize nargs)
{
    for (ouro_ssize i = 0; i < nargs; i++)
        if (set_difference_update_internal(SET(so), args[i]))
            return NULL;
    OURO_RETURN_NONE;
}

static OuroObject *set_copy_and_difference(OuroObject *so, OuroObject *other)
{
    OuroObject *result = set_copy(so, NULL);
    if (result && set_difference_update_internal(SET(result), other)) {
        OURO_DECREF(result);
        return NULL;
    }
    return result;
}

/* so - other, of so's base type. */
static OuroObject *set_difference(OuroObject *so, OuroObject *other)
{
    ouro_ssize other_size, pos = 0;
    bool other_dict = ouro_dict_check_exact(other);
    if (ouro_anyset_check(other))
        other_size = SET(other)->used;
    else if (other_dict)
        other_size = ouro_dict_size(other);
    else
        return set_copy_and_difference(so, other);
    /* Much bigger than other: copy, then remove other's items. */
    if ((SET(so)->used >> 2) > other_size)
        return set_copy_and_difference(so, other);
    OuroObject *result = make_new_set_basetype(OURO_TYPE(so), NULL);
    if (!result)
        return NULL;
    OuSetEntry *entry;
    while (set_next(SET(so), &pos, &entry)) {
        OuroObject *key = entry->key;
        ouro_hash hash = entry->hash;
        OURO_INCREF(key);
        int rv = other_dict ? ou_dict_contains_hash(other, key, hash)
                            : set_contains_entry(SET(other), key, hash);
        if (rv == 0)
            rv = set_add_entry(SET(result), key, hash) ? -1 : 0;
        OURO_DECREF(key);
        if (rv < 0) {
            OURO_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static OuroObject *set_difference_multi(OuroObject *so, OuroObject *const *args,
                                        ouro_ssize nargs)
{
    if (nargs == 0)
        return set_copy(so, NULL);
    OuroObject *result = set_difference(so, args[0]);
    if (!result)
        return NULL;
    for (ouro_ssize i = 1; i < nargs; i++) {
        if (set_difference_update_internal(SET(result), args[i])) {
            OURO_DECREF(result);
            return NULL;
        }
    }
    return result;
}

/* Toggles membership of (key, hash) in so. 0 / -1. */
static int set_toggle(OuroSet *so, OuroObject *key, ouro_hash hash)
{
    OURO_INCREF(key);
    int rv = set_discard_entry(so, key, hash);
    if (rv == DISCARD_NOTFOUND)
        rv = set_add_entry(so, key, hash);
    else if (rv == DISCARD_FOUND)
        rv = 0;
    OURO_DECREF(key);
    return rv;
}

static int set_symmetric_difference_update_internal(OuroSet *so, OuroObject *other)
{
    if (&so->ob_base == other)
        return set_clear_internal(so);
    ouro_ssize pos = 0;
    OuroObject *key;
    ouro_hash hash;
    if (ouro_dict_check_exact(other)) {
        while (ou_dict_next_hash(other, &pos, &key, NULL, &hash))
            if (set_toggle(so, key, hash) < 0)
                return -1;
        return 0;
    }
    OuroObject *otherset;
    if (ouro_anyset_check(other))
        otherset = OURO_NEWREF(other);
    else if (!(otherset = make_new_set_basetype(OURO_TYPE(so), other)))
        return -1;
    OuSetEntry *entry;
    while (set_next(SET(otherset), &pos, &entry)) {
        if (set_toggle(so, entry->key, entry->hash) < 0) {
            OURO_DECREF(otherset);
            return -1;
        }
    }
    OURO_DECREF(otherset);
    return 0;
}

static OuroObject *set_symmetric_difference_update(OuroObject *so, OuroObject *other)
{
    if (set_symmetric_difference_update_internal(SET(so), other) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

static OuroObject *set_symmetric_difference(OuroObject *so, OuroObject *other)
{
    OuroObject *otherset = make_new_set_basetype(OURO_TYPE(so), other);
    if (!otherset)
        return NULL;
    if (set_symmetric_difference_update_internal(SET(otherset), so) < 0) {
        OURO_DECREF(otherset);
        return NULL;
    }
    return otherset;
}

static OuroObject *set_isdisjoint(OuroObject *so, OuroObject *other)
{
    int rv;
    if (so == other)
        return OURO_NEWREF(SET(so)->used == 0 ? OURO_TRUE : OURO_FALSE);
    if (anyset_check_exact(other)) {
        ouro_ssize pos = 0;
        OuSetEntry *entry;
        if (SET(other)->used > SET(so)->used) {
            OuroObject *tmp = so;
            so = other;
            other = tmp;
        }
        while (set_next(SET(other), &pos, &entry)) {
            OuroObject *key = entry->key;
            OURO_INCREF(key);
            rv = set_contains_entry(SET(so), key, entry->hash);
            OURO_DECREF(key);
            if (rv < 0)
                return NULL;
            if (rv)
                return OURO_NEWREF(OURO_FALSE);
        }
        return OURO_NEWREF(OURO_TRUE);
    }
    OuroObject *it = ouro_object_get_iter(other), *key;
    if (!it)
        return NULL;
    while ((key = ouro_iter_next(it)) != NULL) {
        rv = set_contains_key(SET(so), key);
        OURO_DECREF(key);
        if (rv) {
            OURO_DECREF(it);
            return rv < 0 ? NULL : OURO_NEWREF(OURO_FALSE);
        }
    }
    OURO_DECREF(it);
    if (ouro_err_occurred())
        return NULL;
    return OURO_NEWREF(OURO_TRUE);
}

static OuroObject *set_issubset(OuroObject *so, OuroObject *other)
{
    if (!ouro_anyset_check(other)) {
        OuroObject *tmp = set_intersection(so, other);
        if (!tmp)
            return NULL;
        bool r = SET(tmp)->used == SET(so)->used;
        OURO_DECREF(tmp);
        return OURO_NEWREF(r ? OURO_TRUE : OURO_FALSE);
    }
    if (SET(so)->used > SET(other)->used)
        return OURO_NEWREF(OURO_FALSE);
    ouro_ssize pos = 0;
    OuSetEntry *entry;
    while (set_next(SET(so), &pos, &entry)) {
        OuroObject *key = entry->key;
        OURO_INCREF(key);
        int rv = set_contains_entry(SET(other), key, entry->hash);
        OURO_DECREF(key);
        if (rv < 0)
            return NULL;
        if (!rv)
            return OURO_NEWREF(OURO_FALSE);
    }
    return OURO_NEWREF(OURO_TRUE);
}

static OuroObject *set_issuperset(OuroObject *so, OuroObject *other)
{
    if (ouro_anyset_check(other))
        return set_issubset(other, so);
    OuroObject *it = ouro_object_get_iter(other), *key;
    if (!it)
        return NULL;
    while ((key = ouro_iter_next(it)) != NULL) {
        int rv = set_contains_key(SET(so), key);
        OURO_DECREF(key);
        if (rv <= 0) {
            OURO_DECREF(it);
            return rv < 0 ? NULL : OURO_NEWREF(OURO_FALSE);
        }
    }
    OURO_DECREF(it);
    if (ouro_err_occurred())
        return NULL;
    return OURO_NEWREF(OURO_TRUE);
}

/* ------------------------------------------------------------------- operators -- */

static OuroObject *set_or(OuroObject *so, OuroObject *other)
{
    if (!ouro_anyset_check(so) || !ouro_anyset_check(other))
        OURO_RETURN_NOTIMPLEMENTED;
    OuroObject *result = set_copy(so, NULL);
    if (!result || so == other)
        return result;
    if (set_update_internal(SET(result), other)) {
        OURO_DECREF(result);
        return NULL;
    }
    return result;
}

static OuroObject *set_and(OuroObject *so, OuroObject *other)
{
    if (!ouro_anyset_check(so) || !ouro_anyset_check(other))
        OURO_RETURN_NOTIMPLEMENTED;
    return set_intersection(so, other);
}

static OuroObject *set_sub(OuroObject *so, OuroObject *other)
{
    if (!ouro_anyset_check(so) || !ouro_anyset_check(other))
        OURO_RETURN_NOTIMPLEMENTED;
    return set_difference(so, other);
}

static OuroObject *set_xor(OuroObject *so, OuroObject *other)
{
    if (!ouro_anyset_check(so) || !ouro_anyset_check(other))
        OURO_RETURN_NOTIMPLEMENTED;
    return set_symmetric_difference(so, other);
}

static OuroObject *set_ior(OuroObject *so, OuroObject *other)
{
    if (!ouro_anyset_check(other))
        OURO_RETURN_NOTIMPLEMENTED;
    if (set_update_internal(SET(so), other))
        return NULL;
    return OURO_NEWREF(so);
}

static OuroObject *set_iand(OuroObject *so, OuroObject *other)
{
    if (!ouro_anyset_check(other))
        OURO_RETURN_NOTIMPLEMENTED;
    OuroObject *r = set_intersection_update(so, other);
    if (!r)
        return NULL;
    OURO_DECREF(r);
    return OURO_NEWREF(so);
}

static OuroObject *set_isub(OuroObject *so, OuroObject *other)
{
    if (!ouro_anyset_check(other))
        OURO_RETURN_NOTIMPLEMENTED;
    if (set_difference_update_internal(SET(so), other))
        return NULL;
    return OURO_NEWREF(so);
}

static OuroObject *set_ixor(OuroObject *so, OuroObject *other)
{
    if (!ouro_anyset_check(other))
        OURO_RETURN_NOTIMPLEMENTED;
    if (set_symmetric_difference_update_internal(SET(so), other) < 0)
        return NULL;
    return OURO_NEWREF(so);
}

static OuroObject *bool_result(OuroObject *r, bool negate)
{
    if (!r || !negate)
        return r;
    bool t = r == OURO_TRUE;
    OURO_DECREF(r);
    return OURO_NEWREF(t ? OURO_FALSE : OURO_TRUE);
}

static OuroObject *set_richcompare(OuroObject *v, OuroObject *w, int op)
{
    if (!ouro_anyset_check(w))
        OURO_RETURN_NOTIMPLEMENTED;
    OuroSet *a = SET(v), *b = SET(w);
    switch (op) {
    case OURO_EQ:
    case OURO_NE:
        if (a->used != b->used)
            return OURO_NEWREF(op == OURO_EQ ? OURO_FALSE : OURO_TRUE);
        /* Two frozensets with known, different hashes differ. */
        if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
            return OURO_NEWREF(op == OURO_EQ ? OURO_FALSE : OURO_TRUE);
        return bool_result(set_issubset(v, w), op == OURO_NE);
    case OURO_LE:
        return set_issubset(v, w);
    case OURO_GE:
        return set_issuperset(v, w);
    case OURO_LT:
        if (a->used >= b->used)
            return OURO_NEWREF(OURO_FALSE);
        return set_issubset(v, w);
    case OURO_GT:
        if (a->used <= b->used)
            return OURO_NEWREF(OURO_FALSE);
        return set_issuperset(v, w);
    }
    OURO_RETURN_NOTIMPLEMENTED;
}

/* "{1, 2}", "set()", "frozenset({1})", "S({1})" for a subclass; "set(...)" when the set
 * is met again while its own repr is being made. */
static OuroObject *set_repr(OuroObject *self)
{
    int status = ou_repr_enter(self);
    if (status != 0)
        return status < 0 ? NULL : ouro_str_from_format("%s(...)", OURO_TYPE_NAME(self));
    OuroObject *result = NULL, *keys = NULL;
    if (SET(self)->used == 0) {
        result = ouro_str_from_format("%s()", OURO_TYPE_NAME(self));
        goto done;
    }
    /* A snapshot: the element reprs may change the set. */
    if (!(keys = ouro_sequence_list(self)))
        goto done;
    bool exact = OURO_IS_TYPE(self, &ouro_set_type);
    OuStrBuf b;
    ou_strbuf_init(&b);
    if (!exact) {
        ou_strbuf_append_cstr(&b, OURO_TYPE_NAME(self));
        ou_strbuf_append_char(&b, '(');
    }
    ou_strbuf_append_char(&b, '{');
    for (ouro_ssize i = 0; i < OURO_LIST_SIZE(keys); i++) {
        if (i > 0)
            ou_strbuf_append(&b, ", ", 2);
        if (ou_strbuf_append_repr(&b, OURO_LIST_GET(keys, i)) < 0) {
            ou_strbuf_discard(&b);
            goto done;
        }
    }
    ou_strbuf_append_cstr(&b, exact ? "}" : "})");
    result = ou_strbuf_finish(&b);
done:
    OURO_XDECREF(keys);
    ou_repr_leave(self);
    return result;
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

/* CPython 3.11's frozenset hash, bit for bit: the xor of every slot's shuffled hash
 * (unused and dummy slots included, then cancelled), mixed with the length. Cached. */
static ouro_hash frozenset_hash(OuroObject *self)
{
    OuroSet *so = SET(self);
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    for (OuSetEntry *entry = so->table; entry <= &so->table[so->mask]; entry++)
        hash ^= shuffle_bits((uint64_t)entry->hash);
    /* Remove the effect of an odd number of unused slots, then of dummies. */
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    /* Disperse patterns arising in nested frozensets. */
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    so->hash = (ouro_hash)hash;
    return so->hash;
}

static OuroObject *set_iter(OuroObject *self);

/* Unpacks 0 or 1 positional arguments and refuses keywords, with CPython's messages. */
static int set_args(const char *kwname, const char *name, OuroObject *args, OuroObject *kwds,
                    OuroObject **iterable)
{
    if (kwds && ouro_dict_check(kwds) && ouro_dict_size(kwds) > 0) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes no keyword arguments", kwname);
        return -1;
    }
    ouro_ssize n = args ? OURO_TUPLE_SIZE(args) : 0;
    if (n > 1) {
        ouro_err_format(&ouro_exc_TypeError, "%s expected at most 1 argument, got %zd", name, n);
        return -1;
    }
    *iterable = n ? OURO_TUPLE_GET(args, 0) : NULL;
    return 0;
}

static int set_init(OuroObject *self, OuroObject *args, OuroObject *kwds);

static OuroObject *set_new(OuroType *type, OuroObject *args, OuroObject *kwds)
{
    if ((type == &ouro_set_type || type->tp_init == set_init) && kwds &&
        ouro_dict_check(kwds) && ouro_dict_size(kwds) > 0) {
        ouro_err_set_string(&ouro_exc_TypeError, "set() takes no keyword arguments");
        return NULL;
    }
    return make_new_set(type, NULL);
}

static int set_init(OuroObject *self, OuroObject *args, OuroObject *kwds)
{
    OuroObject *iterable;
    if (set_args("set", OURO_TYPE_NAME(self), args, kwds, &iterable) < 0)
        return -1;
    if (SET(self)->fill)
        set_clear_internal(SET(self));
    SET(self)->hash = -1;
    return iterable ? set_update_internal(SET(self), iterable) : 0;
}

static OuroObject *frozenset_new(OuroType *type, OuroObject *args, OuroObject *kwds)
{
    OuroObject *iterable;
    bool plain = type == &ouro_frozenset_type || type->tp_init == ouro_frozenset_type.tp_init;
    if (set_args("frozenset", type->tp_name, args, plain ? kwds : NULL, &iterable) < 0)
        return NULL;
    return make_new_frozenset(type, iterable);
}

static OuroObject *set_sizeof(OuroObject *self, OuroObject *unused)
{
    size_t n = (size_t)OURO_TYPE(self)->tp_basicsize;
    if (SET(self)->table != SET(self)->smalltable)
        n += sizeof(OuSetEntry) * (size_t)(SET(self)->mask + 1);
    return ouro_int_from_ssize((ouro_ssize)n);
}

/* ----------------------------------------------------------------------- tables -- */

#define SET_COMMON_METHODS                                                                \
    { "__contains__", OURO_METH(set_method_contains), OURO_METH_O,                        \
      "x.__contains__(y) <==> y in x." },                                                 \
    { "difference", OURO_METH(set_difference_multi), OURO_METH_FASTCALL,                  \
      "Return the difference of two or more sets as a new set." },                        \
    { "intersection", OURO_METH(set_intersection_multi), OURO_METH_FASTCALL,              \
      "Return the intersection of two sets as a new set." },                              \
    { "isdisjoint", OURO_METH(set_isdisjoint), OURO_METH_O,                               \
      "Return True if two sets have a null intersection." },                              \
    { "issubset", OURO_METH(set_issubset), OURO_METH_O,                                   \
      "Report whether another set contains this set." },                                  \
    { "issuperset", OURO_METH(set_issuperset), OURO_METH_O,                               \
      "Report whether this set contains another set." },                                  \
    { "__sizeof__", OURO_METH(set_sizeof), OURO_METH_NOARGS,                              \
      "S.__sizeof__() -> size of S in memory, in bytes" },                                \
    { "symmetric_difference", OURO_METH(set_symmetric_difference), OURO_METH_O,           \
      "Return the symmetric difference of two sets as a new set." },                      \
    { "union", OURO_METH(set_union), OURO_METH_FASTCALL,                                  \
      "Return the union of sets as a new set." }

static const OuroMethodDef set_methods[] = {
    { "add", OURO_METH(set_method_add), OURO_METH_O, "Add an element to a set." },
    { "clear", OURO_METH(set_method_clear), OURO_METH_NOARGS,
      "Remove all elements from this set." },
    { "copy", OURO_METH(set_copy), OURO_METH_NOARGS, "Return a shallow copy of a set." },
    { "discard", OURO_METH(set_method_discard), OURO_METH_O,
      "Remove an element from a set if it is a member." },
    { "difference_update", OURO_METH(set_difference_update), OURO_METH_FASTCALL,
      "Remove all elements of another set from this set." },
    { "intersection_update", OURO_METH(set_intersection_update_multi), OURO_METH_FASTCALL,
      "Update a set with the intersection of itself and another." },
    { "pop", OURO_METH(set_pop), OURO_METH_NOARGS,
      "Remove and return an arbitrary set element." },
    { "remove", OURO_METH(set_method_remove), OURO_METH_O,
      "Remove an element from a set; it must be a member." },
    { "symmetric_difference_update", OURO_METH(set_symmetric_difference_update), OURO_METH_O,
      "Update a set with the symmetric difference of itself and another." },
    { "update", OURO_METH(set_update), OURO_METH_FASTCALL,
      "Update a set with the union of itself and others." },
    SET_COMMON_METHODS,
    { NULL, NULL, 0, NULL },
};

static const OuroMethodDef frozenset_methods[] = {
    { "copy", OURO_METH(frozenset_copy), OURO_METH_NOARGS, "Return a shallow copy of a set." },
    SET_COMMON_METHODS,
    { NULL, NULL, 0, NULL },
};

static const OuroNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static const OuroNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static const OuroSequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains,
};

OuroType ouro_set_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "set",
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE,
    .tp_basicsize = sizeof(OuroSet),
    .tp_dealloc = set_dealloc,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_repr = set_repr,
    .tp_hash = ouro_hash_not_implemented,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_new = set_new,
    .tp_init = set_init,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_methods = set_methods,
    .tp_weaklistoffset = offsetof(OuroSet, weakreflist),
    .tp_doc = "set() -> new empty set object\n"
              "set(iterable) -> new set object\n\n"
              "Build an unordered collection of unique elements.",
};

OuroType ouro_frozenset_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "frozenset",
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE,
    .tp_basicsize = sizeof(OuroSet),
    .tp_dealloc = set_dealloc,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_new = frozenset_new,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_methods = frozenset_methods,
    .tp_weaklistoffset = offsetof(OuroSet, weakreflist),
    .tp_doc = "frozenset() -> empty frozenset object\n"
              "frozenset(iterable) -> frozenset object\n\n"
              "Build an immutable unordered collection of unique elements.",
};

/* ---------------------------------------------------------------------- iterator -- */

typedef struct SetIter {
    OuroObject ob_base;
    OuroObject *si_set; /* owned; NULL once exhausted */
    ouro_ssize si_used; /* used when made; -1 after a size error (sticky) */
    ouro_ssize si_pos;
    ouro_ssize len;
} SetIter;

static OuroObject *set_iter(OuroObject *self)
{
    SetIter *si = (SetIter *)ouro_object_alloc(&ou_set_iter_type);
    if (!si)
        return NULL;
    si->si_set = OURO_NEWREF(self);
    si->si_used = SET(self)->used;
    si->si_pos = 0;
    si->len = SET(self)->used;
    ouro_gc_track(&si->ob_base);
    return &si->ob_base;
}

static void setiter_dealloc(OuroObject *self)
{
    ouro_gc_untrack(self);
    OURO_CLEAR(((SetIter *)self)->si_set);
    ouro_object_free(self);
}

static int setiter_traverse(OuroObject *self, ouro_visitproc visit, void *arg)
{
    OuroObject *s = ((SetIter *)self)->si_set;
    return s ? visit(s, arg) : 0;
}

static int setiter_clear(OuroObject *self)
{
    OURO_CLEAR(((SetIter *)self)->si_set);
    return 0;
}

static OuroObject *setiter_iternext(OuroObject *self)
{
    SetIter *si = (SetIter *)self;
    OuroObject *s = si->si_set;
    if (!s)
        return NULL;
    OuroSet *so = SET(s);
    if (si->si_used != so->used) {
        ouro_err_set_string(&ouro_exc_RuntimeError, "Set changed size during iteration");
        si->si_used = -1;
        return NULL;
    }
    ouro_ssize i = si->si_pos, mask = so->mask;
    OuSetEntry *entry = so->table;
    while (i <= mask && (entry[i].key == NULL || entry[i].key == dummy))
        i++;
    si->si_pos = i + 1;
    if (i > mask) {
        OURO_CLEAR(si->si_set);
        return NULL;
    }
    si->len--;
    return OURO_NEWREF(entry[i].key);
}

static OuroObject *setiter_length_hint(OuroObject *self, OuroObject *unused)
{
    SetIter *si = (SetIter *)self;
    ouro_ssize n = 0;
    if (si->si_set && si->si_used == SET(si->si_set)->used)
        n = si->len;
    return ouro_int_from_ssize(n);
}

static const OuroMethodDef setiter_methods[] = {
    { "__length_hint__", OURO_METH(setiter_length_hint), OURO_METH_NOARGS,
      "Private method returning an estimate of len(list(it))." },
    { NULL, NULL, 0, NULL },
};

OuroType ou_set_iter_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "set_iterator",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(SetIter),
    .tp_dealloc = setiter_dealloc,
    .tp_traverse = setiter_traverse,
    .tp_clear = setiter_clear,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = setiter_iternext,
    .tp_methods = setiter_methods,
};

/* -------------------------------------------------------------------- public API -- */

/* set(iterable) (NULL: empty). Returns: new reference, or NULL with an exception. */
OuroObject *ouro_set_new(OuroObject *iterable)
{
    return make_new_set(&ouro_set_type, iterable);
}

/* frozenset(iterable) (NULL: empty); a frozenset argument is returned as is.
 * Returns: new reference, or NULL with an exception. */
OuroObject *ouro_frozenset_new(OuroObject *iterable)
{
    return make_new_frozenset(&ouro_frozenset_type, iterable);
}

#define CHECK_SET_OR(cond, ret)                   \
    do {                                          \
        if (!(cond)) {                            \
            ouro_err_bad_internal_call(__func__); \
            return ret;                           \
        }                                         \
    } while (0)

/* s.add(key), key borrowed; s may also be a frozenset being filled. 0 / -1. */
int ouro_set_add(OuroObject *s, OuroObject *key)
{
    CHECK_SET_OR(s && ouro_anyset_check(s), -1);
    return set_add_key(SET(s), key);
}

/* s.discard(key) without the set-to-frozenset fallback: 1 removed, 0 absent, -1. */
int ouro_set_discard(OuroObject *s, OuroObject *key)
{
    CHECK_SET_OR(s && set_check(s), -1);
    return set_discard_key(SET(s), key);
}

/* key in s: 1 / 0 / -1. */
int ouro_set_contains(OuroObject *s, OuroObject *key)
{
    CHECK_SET_OR(s && ouro_anyset_check(s), -1);
    return set_contains_key(SET(s), key);
}

/* len(s); -1 with SystemError if s is not a set or frozenset. */
ouro_ssize ouro_set_size(OuroObject *s)
{
    CHECK_SET_OR(s && ouro_anyset_check(s), -1);
    return SET(s)->used;
}

/* s.clear(). 0, or -1 with SystemError if s is not a set. */
int ouro_set_clear(OuroObject *s)
{
    CHECK_SET_OR(s && set_check(s), -1);
    return set_clear_internal(SET(s));
}

/* s.pop(). Returns: new reference, or NULL with KeyError "pop from an empty set". */
OuroObject *ouro_set_pop(OuroObject *s)
{
    CHECK_SET_OR(s && set_check(s), NULL);
    return set_pop(s, NULL);
}

/* Iteration over a set or frozenset (see set.h). Never fails. */
int ouro_set_next(OuroObject *s, ouro_ssize *pos, OuroObject **key, ouro_hash *hash)
{
    return ou_set_next_entry(s, pos, key, hash);
}

int ou_set_next_entry(OuroObject *s, ouro_ssize *pos, OuroObject **key, ouro_hash *hash)
{
    OuSetEntry *entry;
    if (!s || !ouro_anyset_check(s) || *pos < 0)
        return 0;
    if (!set_next(SET(s), pos, &entry))
        return 0;
    if (key)
        *key = entry->key;
    if (hash)
        *hash = entry->hash;
    return 1;
}

int ou_set_update(OuroObject *s, OuroObject *other)
{
    return set_update_internal(SET(s), other);
}

int ou_set_difference_update(OuroObject *s, OuroObject *other)
{
    return set_difference_update_internal(SET(s), other);
}

int ou_set_symmetric_difference_update(OuroObject *s, OuroObject *other)
{
    return set_symmetric_difference_update_internal(SET(s), other);
}

OuroObject *ou_set_intersection(OuroObject *s, OuroObject *other)
{
    return set_intersection(s, other);
}
