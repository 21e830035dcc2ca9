/* src/objects/dictobject.c — dict: CPython 3.11's compact, insertion-ordered hash table
 * (layout and invariants in dictobject.h; design notes in docs/internals/objects.md).
 * Views and iterators live in dictviews.c. */
#include "objects/dictobject.h"

#include <string.h>

enum { DKIX_EMPTY = -1, DKIX_DUMMY = -2, DKIX_ERROR = -3, DKIX_KEY_CHANGED = -4 };

#define PERTURB_SHIFT 5
#define DICT_LOG2_MINSIZE 3
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define DK_SIZE(k) ((size_t)1 << (k)->dk_log2_size)
#define DK_MASK(k) (DK_SIZE(k) - 1)

static OuroObject *dict_iter(OuroObject *self);

/* ------------------------------------------------------------------- small helpers -- */

/* The hash of a key, through str's cached hash when possible. -1 with an exception. */
static inline ouro_hash key_hash(OuroObject *key)
{
    if (ouro_str_check_exact(key))
        return ouro_str_hash(key);
    return ouro_object_hash(key);
}

bool ou_object_gc_may_be_tracked(OuroObject *o)
{
    OuroType *t = OURO_TYPE(o);
    if (!ou_type_is_gc(t))
        return false;
    if (t == &ouro_tuple_type)
        return ou_gc_is_tracked(o);
    /* Static types have no GC header (CPython's tp_is_gc says no for them). */
    if (ouro_type_has_flag(t, OURO_TPFLAG_TYPE_SUBCLASS) &&
        !ouro_type_has_flag((OuroType *)o, OURO_TPFLAG_HEAPTYPE))
        return false;
    return true;
}

/* CPython's MAINTAIN_TRACKING: an untracked dict starts being tracked when it receives
 * a key or value that may be part of a cycle. */
static inline void maintain_tracking(OuroDict *mp, OuroObject *key, OuroObject *value)
{
    if (!ou_gc_is_tracked(&mp->ob_base) &&
        (ou_object_gc_may_be_tracked(key) || ou_object_gc_may_be_tracked(value)))
        ouro_gc_track(&mp->ob_base);
}

/* "f expected at least 1 argument, got 0", as CPython's _PyArg_CheckPositional.
 * Returns 1 if nargs is in [min, max], else 0 with TypeError. */
static int check_positional(const char *name, ouro_ssize nargs, ouro_ssize min, ouro_ssize max)
{
    if (nargs < min) {
        ouro_err_format(&ouro_exc_TypeError, "%s expected %s%zd argument%s, got %zd", name,
                        min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs > max) {
        ouro_err_format(&ouro_exc_TypeError, "%s expected %s%zd argument%s, got %zd", name,
                        min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return 0;
    }
    return 1;
}

#define CHECK_DICT_OR(d, ret)                                \
    do {                                                     \
        if (!(d) || !ouro_dict_check(d)) {                   \
            ouro_err_bad_internal_call(__func__);            \
            return ret;                                      \
        }                                                    \
    } while (0)

/* ---------------------------------------------------------------------- keys block -- */

static inline ouro_ssize dk_get_index(const OuDictKeys *k, size_t i)
{
    uint8_t l = k->dk_log2_size;
    if (l < 8)
        return ((const int8_t *)k->dk_indices)[i];
    if (l < 16)
        return ((const int16_t *)(const void *)k->dk_indices)[i];
    if (l < 32)
        return ((const int32_t *)(const void *)k->dk_indices)[i];
    return ((const int64_t *)(const void *)k->dk_indices)[i];
}

static inline void dk_set_index(OuDictKeys *k, size_t i, ouro_ssize ix)
{
    uint8_t l = k->dk_log2_size;
    if (l < 8)
        ((int8_t *)k->dk_indices)[i] = (int8_t)ix;
    else if (l < 16)
        ((int16_t *)(void *)k->dk_indices)[i] = (int16_t)ix;
    else if (l < 32)
        ((int32_t *)(void *)k->dk_indices)[i] = (int32_t)ix;
    else
        ((int64_t *)(void *)k->dk_indices)[i] = ix;
}

static inline uint8_t log2_index_bytes(uint8_t log2_size)
{
    if (log2_size < 8)
        return log2_size;
    if (log2_size < 16)
        return (uint8_t)(log2_size + 1);
    if (log2_size < 32)
        return (uint8_t)(log2_size + 2);
    return (uint8_t)(log2_size + 3);
}

static inline size_t keys_alloc_size(uint8_t log2_size)
{
    return sizeof(OuDictKeys) + ((size_t)1 << log2_index_bytes(log2_size)) +
           sizeof(OuDictEntry) * (size_t)USABLE_FRACTION((ouro_ssize)1 << log2_size);
}

/* The smallest log2 table size with 2**log2 >= minsize (at least 8 slots). */
static uint8_t calculate_log2_keysize(ouro_ssize minsize)
{
    uint8_t l = DICT_LOG2_MINSIZE;
    while (l < 62 && ((ouro_ssize)1 << l) < minsize)
        l++;
    return l;
}

/* A table size whose usable part holds n entries without growing (CPython's
 * estimate_log2_keysize). */
static uint8_t estimate_log2_keysize(ouro_ssize n)
{
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

/* Returns a new empty keys block of 2**log2_size slots, or NULL with MemoryError. */
static OuDictKeys *new_keys(uint8_t log2_size)
{
    if (log2_size > 48) { /* more than 2**47 entries: beyond any address space */
        ouro_err_no_memory();
        return NULL;
    }
    OuDictKeys *k = ou_mem_alloc(keys_alloc_size(log2_size));
    if (!k) {
        ouro_err_no_memory();
        return NULL;
    }
    k->dk_log2_size = log2_size;
    k->dk_log2_index_bytes = log2_index_bytes(log2_size);
    memset(k->dk_pad, 0, sizeof(k->dk_pad));
    k->dk_usable = USABLE_FRACTION((ouro_ssize)1 << log2_size);
    k->dk_nentries = 0;
    /* DKIX_EMPTY is -1 in every index width: all bits set. */
    memset(k->dk_indices, 0xff, (size_t)1 << k->dk_log2_index_bytes);
    memset(ou_dk_entries(k), 0, sizeof(OuDictEntry) * (size_t)k->dk_usable);
    return k;
}

/* Releases a detached keys block: the references of its entries, then the block. The
 * block must no longer be reachable from any dict (the DECREFs may run any code). */
static void free_keys(OuDictKeys *k)
{
    OuDictEntry *ep = ou_dk_entries(k);
    for (ouro_ssize i = 0, n = k->dk_nentries; i < n; i++) {
        OURO_XDECREF(ep[i].me_key);
        OURO_XDECREF(ep[i].me_value);
    }
    ou_mem_free(k);
}

/* A copy of k with new references to every key and value; NULL with MemoryError. */
static OuDictKeys *clone_keys(OuDictKeys *k)
{
    size_t size = keys_alloc_size(k->dk_log2_size);
    OuDictKeys *c = ou_mem_alloc(size);
    if (!c) {
        ouro_err_no_memory();
        return NULL;
    }
    memcpy(c, k, size);
    OuDictEntry *ep = ou_dk_entries(c);
    for (ouro_ssize i = 0, n = c->dk_nentries; i < n; i++) {
        if (ep[i].me_value) {
            OURO_INCREF(ep[i].me_key);
            OURO_INCREF(ep[i].me_value);
        }
    }
    return c;
}

/* ------------------------------------------------------------------------- probing -- */

/* Looks key up in dk (which is mp's table). Returns the entry index, DKIX_EMPTY when
 * absent, DKIX_ERROR when a comparison raised, or DKIX_KEY_CHANGED when a comparison
 * mutated the dict under us (the caller restarts, as CPython does). */
static ouro_ssize generic_lookup(OuroDict *mp, OuDictKeys *dk, OuroObject *key, ouro_hash hash)
{
    OuDictEntry *ep0 = ou_dk_entries(dk);
    size_t mask = DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        ouro_ssize ix = dk_get_index(dk, i);
        if (ix >= 0) {
            OuDictEntry *ep = &ep0[ix];
            OuroObject *startkey = ep->me_key;
            if (startkey == key)
                return ix;
            if (ep->me_hash == hash) {
                if (ouro_str_check_exact(startkey) && ouro_str_check_exact(key)) {
                    /* str equality runs no user code: no restart needed. */
                    if (ouro_str_equal(startkey, key))
                        return ix;
                } else {
                    OURO_INCREF(startkey);
                    int cmp = ouro_object_richcompare_bool(startkey, key, OURO_EQ);
                    OURO_DECREF(startkey);
                    if (cmp < 0)
                        return DKIX_ERROR;
                    if (dk != mp->ma_keys || ep->me_key != startkey)
                        return DKIX_KEY_CHANGED;
                    if (cmp > 0)
                        return ix;
                }
            }
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* Returns the entry index of key (setting *value, borrowed) or DKIX_EMPTY (*value NULL)
 * or DKIX_ERROR with an exception. */
static ouro_ssize dict_lookup(OuroDict *mp, OuroObject *key, ouro_hash hash, OuroObject **value)
{
    for (;;) {
        OuDictKeys *dk = mp->ma_keys;
        if (!dk) {
            *value = NULL;
            return DKIX_EMPTY;
        }
        ouro_ssize ix = generic_lookup(mp, dk, key, hash);
        if (ix == DKIX_KEY_CHANGED)
            continue;
        *value = ix >= 0 ? ou_dk_entries(dk)[ix].me_value : NULL;
        return ix;
    }
}

/* The index slot that holds entry ix (which must be there). */
static size_t slot_of_entry(const OuDictKeys *k, ouro_hash hash, ouro_ssize ix)
{
    size_t mask = DK_MASK(k);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        ouro_ssize cur = dk_get_index(k, i);
        if (cur == ix)
            return i;
        OU_ASSERT(cur != DKIX_EMPTY);
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* The first empty or dummy slot of hash's probe sequence (the key is known absent). */
static size_t find_empty_slot(const OuDictKeys *k, ouro_hash hash)
{
    size_t mask = DK_MASK(k);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    while (dk_get_index(k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
    return i;
}

/* Fills the (all-empty) index of k for its first n entries. */
static void build_indices(OuDictKeys *k, OuDictEntry *ep, ouro_ssize n)
{
    size_t mask = DK_MASK(k);
    for (ouro_ssize ix = 0; ix < n; ix++) {
        size_t perturb = (size_t)ep[ix].me_hash;
        size_t i = (size_t)ep[ix].me_hash & mask;
        while (dk_get_index(k, i) != DKIX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        dk_set_index(k, i, ix);
    }
}

/* Moves the live entries into a new table of 2**log2_newsize slots, dropping deleted
 * entries and dummies. Reference-neutral; on MemoryError the dict is unchanged. */
static int dict_resize(OuroDict *mp, uint8_t log2_newsize)
{
    ouro_ssize n = mp->ma_used;
    OU_ASSERT(USABLE_FRACTION((ouro_ssize)1 << log2_newsize) >= n);
    OuDictKeys *newk = new_keys(log2_newsize);
    if (!newk)
        return -1;
    OuDictKeys *oldk = mp->ma_keys;
    if (oldk) {
        OuDictEntry *oe = ou_dk_entries(oldk), *ne = ou_dk_entries(newk);
        if (oldk->dk_nentries == n) {
            memcpy(ne, oe, sizeof(OuDictEntry) * (size_t)n);
        } else {
            ouro_ssize j = 0;
            for (ouro_ssize i = 0; i < oldk->dk_nentries; i++)
                if (oe[i].me_value)
                    ne[j++] = oe[i];
        }
        build_indices(newk, ne, n);
        ou_mem_free(oldk);
    }
    newk->dk_usable -= n;
    newk->dk_nentries = n;
    mp->ma_keys = newk;
    return 0;
}

/* Growth when the entries are used up: used*3 rounded up to a power of two (so a dict
 * with many deletions may shrink). */
static int insertion_resize(OuroDict *mp)
{
    return dict_resize(mp, calculate_log2_keysize(mp->ma_used * 3));
}

/* ---------------------------------------------------------------- insert / delete -- */

/* Appends a new entry for key (known absent). Steals key and value, even on failure. */
static int insert_new_entry(OuroDict *mp, OuroObject *key, ouro_hash hash, OuroObject *value)
{
    if (!mp->ma_keys) {
        if (!(mp->ma_keys = new_keys(DICT_LOG2_MINSIZE)))
            goto fail;
    } else if (mp->ma_keys->dk_usable <= 0 && insertion_resize(mp) < 0) {
        goto fail;
    }
    OuDictKeys *k = mp->ma_keys;
    size_t slot = find_empty_slot(k, hash);
    dk_set_index(k, slot, k->dk_nentries);
    OuDictEntry *ep = &ou_dk_entries(k)[k->dk_nentries];
    ep->me_hash = hash;
    ep->me_key = key;
    ep->me_value = value;
    mp->ma_used++;
    k->dk_usable--;
    k->dk_nentries++;
    return 0;
fail:
    OURO_DECREF(value);
    OURO_DECREF(key);
    return -1;
}

/* d[key] = value. Steals key and value, even on failure. An existing equal key is kept
 * (the new key object is dropped) and its value replaced. */
static int insertdict(OuroDict *mp, OuroObject *key, ouro_hash hash, OuroObject *value)
{
    OuroObject *old_value;
    ouro_ssize ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        goto fail;
    maintain_tracking(mp, key, value);
    if (ix == DKIX_EMPTY)
        return insert_new_entry(mp, key, hash, value);
    ou_dk_entries(mp->ma_keys)[ix].me_value = value;
    /* The dict is consistent: the old value's destructor may look at it. */
    OURO_DECREF(old_value);
    OURO_DECREF(key);
    return 0;
fail:
    OURO_DECREF(value);
    OURO_DECREF(key);
    return -1;
}

/* Deletes entry ix (whose value is old_value) of hash's probe sequence. Never fails. */
static void delitem_common(OuroDict *mp, ouro_hash hash, ouro_ssize ix, OuroObject *old_value)
{
    OuDictKeys *k = mp->ma_keys;
    dk_set_index(k, slot_of_entry(k, hash, ix), DKIX_DUMMY);
    OuDictEntry *ep = &ou_dk_entries(k)[ix];
    OuroObject *old_key = ep->me_key;
    ep->me_key = NULL;
    ep->me_value = NULL;
    mp->ma_used--;
    OURO_DECREF(old_key);
    OURO_DECREF(old_value);
}

/* -------------------------------------------------------------- internal known-hash -- */

OuroObject *ou_dict_get_item_hash(OuroObject *d, OuroObject *key, ouro_hash hash)
{
    OuroObject *value;
    if (dict_lookup(OU_DICT(d), key, hash, &value) == DKIX_ERROR)
        return NULL;
    return value;
}

int ou_dict_contains_hash(OuroObject *d, OuroObject *key, ouro_hash hash)
{
    OuroObject *value;
    if (dict_lookup(OU_DICT(d), key, hash, &value) == DKIX_ERROR)
        return -1;
    return value != NULL;
}

int ou_dict_set_item_hash(OuroObject *d, OuroObject *key, ouro_hash hash, OuroObject *value)
{
    OURO_INCREF(key);
    OURO_INCREF(value);
    return insertdict(OU_DICT(d), key, hash, value);
}

int ou_dict_del_item_hash(OuroObject *d, OuroObject *key, ouro_hash hash)
{
    OuroObject *old_value;
    ouro_ssize ix = dict_lookup(OU_DICT(d), key, hash, &old_value);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY || !old_value) {
        ouro_err_set_object(&ouro_exc_KeyError, key);
        return -1;
    }
    OURO_INCREF(old_value);
    delitem_common(OU_DICT(d), hash, ix, old_value);
    OURO_DECREF(old_value);
    return 0;
}

int ou_dict_next_hash(OuroObject *d, ouro_ssize *pos, OuroObject **key, OuroObject **value,
                      ouro_hash *hash)
{
    if (!d || !ouro_dict_check(d))
        return 0;
    OuDictKeys *k = OU_DICT(d)->ma_keys;
    ouro_ssize i = *pos;
    if (!k || i < 0)
        return 0;
    OuDictEntry *ep = ou_dk_entries(k);
    while (i < k->dk_nentries && !ep[i].me_value)
        i++;
    if (i >= k->dk_nentries)
        return 0;
    *pos = i + 1;
    if (key)
        *key = ep[i].me_key;
    if (value)
        *value = ep[i].me_value;
    if (hash)
        *hash = ep[i].me_hash;
    return 1;
}

void ou_dict_maybe_untrack(OuroObject *d)
{
    if (!ouro_dict_check_exact(d) || !ou_gc_is_tracked(d))
        return;
    OuDictKeys *k = OU_DICT(d)->ma_keys;
    if (k) {
        OuDictEntry *ep = ou_dk_entries(k);
        for (ouro_ssize i = 0; i < k->dk_nentries; i++) {
            if (!ep[i].me_value)
                continue;
            if (ou_object_gc_may_be_tracked(ep[i].me_value) || ou_object_gc_may_be_tracked(ep[i].me_key))
                return;
        }
    }
    ouro_gc_untrack(d);
}

/* ---------------------------------------------------------------------- public API -- */

/* Returns: new reference (an empty, untracked dict, with no table yet), or NULL with
 * MemoryError. */
OuroObject *ouro_dict_new(void)
{
    return ouro_object_alloc(&ouro_dict_type);
}

/* d[key] = value; both borrowed. Returns 0, or -1 with an exception (unhashable key,
 * failed comparison, MemoryError). */
int ouro_dict_set_item(OuroObject *d, OuroObject *key, OuroObject *value)
{
    CHECK_DICT_OR(d, -1);
    ouro_hash hash = key_hash(key);
    if (hash == -1)
        return -1;
    return ou_dict_set_item_hash(d, key, hash, value);
}

/* d[key] = value with an interned str key made from the C string. 0 / -1. */
int ouro_dict_set_item_str(OuroObject *d, const char *key, OuroObject *value)
{
    CHECK_DICT_OR(d, -1);
    OuroObject *k = ouro_str_from_cstr(key);
    if (!k)
        return -1;
    ouro_str_intern_in_place(&k);
    int r = ouro_dict_set_item(d, k, value);
    OURO_DECREF(k);
    return r;
}

/* Returns: borrowed value; NULL without an exception when key is absent; NULL with an
 * exception when hashing or comparing failed. */
OuroObject *ouro_dict_get_item_with_error(OuroObject *d, OuroObject *key)
{
    CHECK_DICT_OR(d, NULL);
    ouro_hash hash = key_hash(key);
    if (hash == -1)
        return NULL;
    return ou_dict_get_item_hash(d, key, hash);
}

/* Returns: borrowed value for a str key given as a C string; NULL without an exception
 * when absent, NULL with an exception on failure (MemoryError making the str). */
OuroObject *ouro_dict_get_item_str(OuroObject *d, const char *key)
{
    CHECK_DICT_OR(d, NULL);
    OuroObject *k = ouro_str_from_cstr(key);
    if (!k)
        return NULL;
    OuroObject *v = ouro_dict_get_item_with_error(d, k);
    OURO_DECREF(k);
    return v;
}

/* del d[key]. Returns 0, or -1 with KeyError(key) or another exception. */
int ouro_dict_del_item(OuroObject *d, OuroObject *key)
{
    CHECK_DICT_OR(d, -1);
    ouro_hash hash = key_hash(key);
    if (hash == -1)
        return -1;
    return ou_dict_del_item_hash(d, key, hash);
}

/* key in d: 1, 0, or -1 with an exception. */
int ouro_dict_contains(OuroObject *d, OuroObject *key)
{
    CHECK_DICT_OR(d, -1);
    ouro_hash hash = key_hash(key);
    if (hash == -1)
        return -1;
    return ou_dict_contains_hash(d, key, hash);
}

/* len(d). -1 with SystemError if d is not a dict. */
ouro_ssize ouro_dict_size(OuroObject *d)
{
    CHECK_DICT_OR(d, -1);
    return OU_DICT(d)->ma_used;
}

/* Empties d. The dict is empty (and consistent) before any reference is dropped: a
 * destructor may use it. Never fails. */
void ouro_dict_clear(OuroObject *d)
{
    if (!d || !ouro_dict_check(d))
        return;
    OuroDict *mp = OU_DICT(d);
    OuDictKeys *k = mp->ma_keys;
    if (!k)
        return;
    mp->ma_keys = NULL;
    mp->ma_used = 0;
    free_keys(k);
}

/* Iteration in insertion order (see dict.h). Borrowed *key / *value. Never fails. */
int ouro_dict_next(OuroObject *d, ouro_ssize *pos, OuroObject **key, OuroObject **value)
{
    return ou_dict_next_hash(d, pos, key, value, NULL);
}

/* A copy sharing nothing but the keys' and values' objects: a memcpy of the table with
 * new references (CPython's clone_combined_dict). A tracked original gives a tracked
 * copy. Returns: new reference, or NULL with MemoryError. */
static OuroObject *clone_dict(OuroDict *orig)
{
    OuroObject *d = ouro_dict_new();
    if (!d)
        return NULL;
    OuDictKeys *k = clone_keys(orig->ma_keys);
    if (!k) {
        OURO_DECREF(d);
        return NULL;
    }
    OU_DICT(d)->ma_keys = k;
    OU_DICT(d)->ma_used = orig->ma_used;
    if (ou_gc_is_tracked(&orig->ob_base))
        ouro_gc_track(d);
    return d;
}

/* dict(d) as a plain dict, whatever d's type. Returns: new reference, or NULL with an
 * exception. */
OuroObject *ouro_dict_copy(OuroObject *o)
{
    CHECK_DICT_OR(o, NULL);
    OuroDict *mp = OU_DICT(o);
    if (mp->ma_used == 0)
        return ouro_dict_new();
    /* Clone when the type keeps dict's iteration and the table is at least 2/3 live. */
    if (OURO_TYPE(o)->tp_iter == dict_iter &&
        mp->ma_used >= (mp->ma_keys->dk_nentries * 2) / 3)
        return clone_dict(mp);
    OuroObject *copy = ouro_dict_new();
    if (!copy)
        return NULL;
    if (ouro_dict_merge(copy, o, 1) < 0) {
        OURO_DECREF(copy);
        return NULL;
    }
    return copy;
}

static inline ouro_ssize dict_nentries(OuroDict *mp)
{
    return mp->ma_keys ? mp->ma_keys->dk_nentries : 0;
}

/* a.update(b) for a dict b (CPython's dict_merge, dict branch). */
static int merge_from_dict(OuroDict *mp, OuroDict *other, int override)
{
    if (other == mp || other->ma_used == 0)
        return 0;
    if (mp->ma_used == 0) {
        /* Nothing to override; and a dense table can be copied whole. */
        override = 1;
        OuDictKeys *okeys = other->ma_keys;
        if (other->ma_used == okeys->dk_nentries &&
            (okeys->dk_log2_size == DICT_LOG2_MINSIZE ||
             USABLE_FRACTION((ouro_ssize)DK_SIZE(okeys) / 2) < other->ma_used)) {
            OuDictKeys *k = clone_keys(okeys);
            if (!k)
                return -1;
            OuDictKeys *old = mp->ma_keys; /* holds no live entry */
            mp->ma_keys = k;
            mp->ma_used = other->ma_used;
            if (old)
                ou_mem_free(old);
            if (ou_gc_is_tracked(&other->ob_base) && !ou_gc_is_tracked(&mp->ob_base))
                ouro_gc_track(&mp->ob_base);
            return 0;
        }
    }
    /* One big resize first, expecting few overlapping keys. */
    ouro_ssize usable = mp->ma_keys ? USABLE_FRACTION((ouro_ssize)DK_SIZE(mp->ma_keys))
                                    : USABLE_FRACTION((ouro_ssize)1 << DICT_LOG2_MINSIZE);
    if (usable < other->ma_used &&
        dict_resize(mp, estimate_log2_keysize(mp->ma_used + other->ma_used)) < 0)
        return -1;
    ouro_ssize n = dict_nentries(other);
    for (ouro_ssize i = 0; i < n; i++) {
        OuDictEntry *ep = &ou_dk_entries(other->ma_keys)[i];
        OuroObject *key = ep->me_key, *value = ep->me_value;
        ouro_hash hash = ep->me_hash;
        if (!value)
            continue;
        int err;
        OURO_INCREF(key);
        OURO_INCREF(value);
        if (override == 1) {
            OURO_INCREF(key);
            OURO_INCREF(value);
            err = insertdict(mp, key, hash, value);
        } else {
            err = ou_dict_contains_hash(&mp->ob_base, key, hash);
            if (err == 0) {
                OURO_INCREF(key);
                OURO_INCREF(value);
                err = insertdict(mp, key, hash, value);
            } else if (err > 0) {
                if (override != 0) {
                    ouro_err_set_object(&ouro_exc_KeyError, key);
                    err = -1;
                } else {
                    err = 0;
                }
            }
        }
        OURO_DECREF(value);
        OURO_DECREF(key);
        if (err != 0)
            return -1;
        if (n != dict_nentries(other)) {
            ouro_err_set_string(&ouro_exc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

/* a.update(b) for any mapping b: for key in b.keys(): a[key] = b[key]. */
static int merge_from_mapping(OuroObject *a, OuroObject *b, int override)
{
    OuroObject *meth = ouro_object_getattr_str(b, "keys");
    if (!meth)
        return -1;
    OuroObject *keys = ouro_object_vectorcall(meth, NULL, 0, NULL);
    OURO_DECREF(meth);
    if (!keys)
        return -1;
    OuroObject *it = ouro_object_get_iter(keys);
    if (!it) {
        if (ouro_err_matches(&ouro_exc_TypeError)) {
            ouro_err_clear();
            ouro_err_format(&ouro_exc_TypeError, "%s.keys() returned a non-iterable (type %s)",
                            OURO_TYPE_NAME(b), OURO_TYPE_NAME(keys));
        }
        OURO_DECREF(keys);
        return -1;
    }
    OURO_DECREF(keys);
    int status = 0;
    OuroObject *key;
    while ((key = ouro_iter_next(it)) != NULL) {
        if (override != 1) {
            status = ouro_dict_contains(a, key);
            if (status > 0 && override == 0) {
                OURO_DECREF(key);
                status = 0;
                continue;
            }
            if (status != 0) {
                if (status > 0) {
                    ouro_err_set_object(&ouro_exc_KeyError, key);
                    status = -1;
                }
                OURO_DECREF(key);
                break;
            }
        }
        OuroObject *value = ouro_object_getitem(b, key);
        if (!value) {
            OURO_DECREF(key);
            status = -1;
            break;
        }
        status = ouro_dict_set_item(a, key, value);
        OURO_DECREF(key);
        OURO_DECREF(value);
        if (status < 0)
            break;
    }
    OURO_DECREF(it);
    if (status == 0 && ouro_err_occurred())
        status = -1;
    return status;
}

/* d.update(other) where other is a dict or any mapping with keys() and [].
 * override: 1 replaces existing keys, 0 keeps them, 2 raises KeyError on a duplicate
 * (as for f(**a, **b)). Returns 0, or -1 with an exception. */
int ouro_dict_merge(OuroObject *d, OuroObject *other, int override)
{
    CHECK_DICT_OR(d, -1);
    if (!other) {
        ouro_err_bad_internal_call(__func__);
        return -1;
    }
    if (ouro_dict_check(other) && OURO_TYPE(other)->tp_iter == dict_iter)
        return merge_from_dict(OU_DICT(d), OU_DICT(other), override);
    return merge_from_mapping(d, other, override);
}

/* d.update(iterable of pairs). 0 / -1. */
static int merge_from_seq2(OuroObject *d, OuroObject *seq2, int override)
{
    OuroObject *it = ouro_object_get_iter(seq2);
    if (!it)
        return -1;
    OuroObject *item = NULL, *fast = NULL;
    for (ouro_ssize i = 0;; i++) {
        item = ouro_iter_next(it);
        if (!item) {
            if (ouro_err_occurred())
                goto fail;
            break;
        }
        /* As PySequence_Fast: a list or tuple as it is, anything else through list(). */
        if (ouro_list_check(item) || ouro_tuple_check(item)) {
            fast = OURO_NEWREF(item);
        } else if (!(fast = ouro_sequence_list(item))) {
            if (ouro_err_matches(&ouro_exc_TypeError)) {
                ouro_err_clear();
                ouro_err_format(&ouro_exc_TypeError,
                                "cannot convert dictionary update sequence element #%zd to a sequence",
                                i);
            }
            goto fail;
        }
        bool is_list = ouro_list_check(fast);
        ouro_ssize n = is_list ? OURO_LIST_SIZE(fast) : OURO_TUPLE_SIZE(fast);
        if (n != 2) {
            ouro_err_format(&ouro_exc_ValueError,
                            "dictionary update sequence element #%zd has length %zd; 2 is required",
                            i, n);
            goto fail;
        }
        OuroObject *key = is_list ? OURO_LIST_GET(fast, 0) : OURO_TUPLE_GET(fast, 0);
        OuroObject *value = is_list ? OURO_LIST_GET(fast, 1) : OURO_TUPLE_GET(fast, 1);
        OURO_INCREF(key);
        OURO_INCREF(value);
        int r = override ? ouro_dict_set_item(d, key, value)
                         : (ouro_dict_set_default(d, key, value) ? 0 : -1);
        OURO_DECREF(key);
        OURO_DECREF(value);
        if (r < 0)
            goto fail;
        OURO_CLEAR(fast);
        OURO_CLEAR(item);
    }
    OURO_DECREF(it);
    return 0;
fail:
    OURO_XDECREF(fast);
    OURO_XDECREF(item);
    OURO_DECREF(it);
    return -1;
}

/* d.update(arg): a dict, a mapping (anything with keys()), or an iterable of pairs. */
static int dict_update_arg(OuroObject *self, OuroObject *arg)
{
    if (ouro_dict_check_exact(arg))
        return ouro_dict_merge(self, arg, 1);
    OuroObject *keys = ouro_object_getattr_str(arg, "keys");
    if (!keys) {
        if (!ouro_err_matches(&ouro_exc_AttributeError))
            return -1;
        ouro_err_clear();
        return merge_from_seq2(self, arg, 1);
    }
    OURO_DECREF(keys);
    return ouro_dict_merge(self, arg, 1);
}

/* A list of the keys (what 0), values (1) or (key, value) tuples (2). All the objects
 * are allocated before the dict is read: an allocation may run a collection, and a
 * finalizer may change the dict (CPython does the same dance). */
static OuroObject *dict_to_list(OuroObject *d, int what)
{
    CHECK_DICT_OR(d, NULL);
    OuroDict *mp = OU_DICT(d);
    OuroObject *v;
    ouro_ssize n;
again:
    n = mp->ma_used;
    if (!(v = ouro_list_new(n)))
        return NULL;
    if (what == 2) {
        for (ouro_ssize i = 0; i < n; i++) {
            OuroObject *t = ouro_tuple_new(2);
            if (!t) {
                OURO_DECREF(v);
                return NULL;
            }
            OURO_LIST_SET(v, i, t);
        }
    }
    if (n != mp->ma_used) {
        OURO_DECREF(v);
        goto again;
    }
    ouro_ssize pos = 0, j = 0;
    OuroObject *key, *value;
    while (ouro_dict_next(d, &pos, &key, &value)) {
        if (what == 0) {
            OURO_LIST_SET(v, j, OURO_NEWREF(key));
        } else if (what == 1) {
            OURO_LIST_SET(v, j, OURO_NEWREF(value));
        } else {
            OuroObject *t = OURO_LIST_GET(v, j);
            OURO_TUPLE_SET(t, 0, OURO_NEWREF(key));
            OURO_TUPLE_SET(t, 1, OURO_NEWREF(value));
        }
        j++;
    }
    return v;
}

/* list(d.keys()), list(d.values()), list(d.items()). New references, or NULL. */
OuroObject *ouro_dict_keys(OuroObject *d) { return dict_to_list(d, 0); }
OuroObject *ouro_dict_values(OuroObject *d) { return dict_to_list(d, 1); }
OuroObject *ouro_dict_items(OuroObject *d) { return dict_to_list(d, 2); }

/* d.setdefault(key, deflt). Returns: borrowed (the value in the dict), or NULL with an
 * exception. */
OuroObject *ouro_dict_set_default(OuroObject *d, OuroObject *key, OuroObject *deflt)
{
    CHECK_DICT_OR(d, NULL);
    OuroDict *mp = OU_DICT(d);
    ouro_hash hash = key_hash(key);
    if (hash == -1)
        return NULL;
    OuroObject *value;
    ouro_ssize ix = dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (value)
        return value;
    maintain_tracking(mp, key, deflt);
    OURO_INCREF(key);
    OURO_INCREF(deflt);
    if (insert_new_entry(mp, key, hash, deflt) < 0)
        return NULL;
    return deflt;
}

/* d.pop(key[, deflt]). Returns: new reference; NULL with KeyError(key) when absent and
 * deflt is NULL, or with another exception. As CPython, an empty dict answers before
 * hashing ({}.pop([]) is a KeyError, not a TypeError). */
OuroObject *ouro_dict_pop(OuroObject *d, OuroObject *key, OuroObject *deflt)
{
    CHECK_DICT_OR(d, NULL);
    OuroDict *mp = OU_DICT(d);
    if (mp->ma_used == 0)
        goto absent;
    ouro_hash hash = key_hash(key);
    if (hash == -1)
        return NULL;
    OuroObject *old_value;
    ouro_ssize ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || !old_value)
        goto absent;
    OURO_INCREF(old_value);
    delitem_common(mp, hash, ix, old_value);
    return old_value;
absent:
    if (deflt)
        return OURO_NEWREF(deflt);
    ouro_err_set_object(&ouro_exc_KeyError, key);
    return NULL;
}

/* -------------------------------------------------------------------------- slots -- */

static void dict_dealloc(OuroObject *self)
{
    ouro_gc_untrack(self);
    OuroDict *mp = OU_DICT(self);
    OuDictKeys *k = mp->ma_keys;
    mp->ma_keys = NULL;
    mp->ma_used = 0;
    if (k)
        free_keys(k);
    ouro_object_free(self);
}

static int dict_traverse(OuroObject *self, ouro_visitproc visit, void *arg)
{
    OuDictKeys *k = OU_DICT(self)->ma_keys;
    if (!k)
        return 0;
    OuDictEntry *ep = ou_dk_entries(k);
    for (ouro_ssize i = 0; i < k->dk_nentries; i++) {
        if (ep[i].me_value) {
            int r = visit(ep[i].me_value, arg);
            if (r)
                return r;
            if ((r = visit(ep[i].me_key, arg)))
                return r;
        }
    }
    return 0;
}

static int dict_tp_clear(OuroObject *self)
{
    ouro_dict_clear(self);
    return 0;
}

static OuroObject *dict_repr(OuroObject *self)
{
    int r = ou_repr_enter(self);
    if (r != 0)
        return r > 0 ? ouro_str_from_cstr("{...}") : NULL;
    OuroObject *result = NULL;
    if (OU_DICT(self)->ma_used == 0) {
        result = ouro_str_from_cstr("{}");
        goto leave;
    }
    /* Depth is guarded by ouro_object_repr, around this call and the elements'. */
    OuStrBuf b;
    ou_strbuf_init(&b);
    ou_strbuf_append_char(&b, '{');
    ouro_ssize pos = 0;
    OuroObject *key, *value;
    bool first = true;
    /* The reprs may mutate the dict: hold the pair, and re-read the table each step. */
    while (ouro_dict_next(self, &pos, &key, &value)) {
        OURO_INCREF(key);
        OURO_INCREF(value);
        if (!first)
            ou_strbuf_append(&b, ", ", 2);
        first = false;
        int err = ou_strbuf_append_repr(&b, key);
        if (!err) {
            ou_strbuf_append(&b, ": ", 2);
            err = ou_strbuf_append_repr(&b, value);
        }
        OURO_DECREF(key);
        OURO_DECREF(value);
        if (err) {
            ou_strbuf_discard(&b);
            goto leave;
        }
    }
    ou_strbuf_append_char(&b, '}');
    result = ou_strbuf_finish(&b);
leave:
    ou_repr_leave(self);
    return result;
}

static ouro_ssize dict_length(OuroObject *self)
{
    return OU_DICT(self)->ma_used;
}

static OuroObject *dict_subscript(OuroObject *self, OuroObject *key)
{
    ouro_hash hash = key_hash(key);
    if (hash == -1)
        return NULL;
    OuroObject *value;
    if (dict_lookup(OU_DICT(self), key, hash, &value) == DKIX_ERROR)
        return NULL;
    if (value)
        return OURO_NEWREF(value);
    if (!ouro_dict_check_exact(self)) {
        /* A subclass may define __missing__ (looked up on the type, as a special). */
        OuroObject *missing = ouro_object_getattr_str((OuroObject *)OURO_TYPE(self), "__missing__");
        if (missing) {
            OuroObject *args[2] = { self, key };
            OuroObject *res = ouro_object_vectorcall(missing, args, 2, NULL);
            OURO_DECREF(missing);
            return res;
        }
        if (!ouro_err_matches(&ouro_exc_AttributeError))
            return NULL;
        ouro_err_clear();
    }
    ouro_err_set_object(&ouro_exc_KeyError, key);
    return NULL;
}

static int dict_ass_subscript(OuroObject *self, OuroObject *key, OuroObject *value)
{
    if (value)
        return ouro_dict_set_item(self, key, value);
    return ouro_dict_del_item(self, key);
}

static int dict_sq_contains(OuroObject *self, OuroObject *key)
{
    return ouro_dict_contains(self, key);
}

static OuroObject *dict_iter(OuroObject *self)
{
    return ou_dictiter_new(self, &ou_dict_keyiter_type);
}

/* 1 if a == b (same keys, equal values), 0 if not, -1 with an exception. */
static int dict_equal(OuroDict *a, OuroDict *b)
{
    if (a->ma_used != b->ma_used)
        return 0;
    for (ouro_ssize i = 0; i < dict_nentries(a); i++) {
        OuDictEntry *ep = &ou_dk_entries(a->ma_keys)[i];
        OuroObject *aval = ep->me_value;
        if (!aval)
            continue;
        OuroObject *key = ep->me_key, *bval;
        ouro_hash hash = ep->me_hash;
        /* Both may die while b's comparisons run arbitrary code. */
        OURO_INCREF(aval);
        OURO_INCREF(key);
        ouro_ssize ix = dict_lookup(b, key, hash, &bval);
        int cmp = ix == DKIX_ERROR ? -1 : 0;
        if (bval) {
            OURO_INCREF(bval);
            cmp = ouro_object_richcompare_bool(aval, bval, OURO_EQ);
            OURO_DECREF(bval);
        }
        OURO_DECREF(key);
        OURO_DECREF(aval);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

static OuroObject *dict_richcompare(OuroObject *v, OuroObject *w, int op)
{
    if (!ouro_dict_check(v) || !ouro_dict_check(w) || (op != OURO_EQ && op != OURO_NE))
        OURO_RETURN_NOTIMPLEMENTED;
    /* Nesting depth is guarded by ouro_object_richcompare around each value comparison. */
    int cmp = dict_equal(OU_DICT(v), OU_DICT(w));
    if (cmp < 0)
        return NULL;
    return OURO_NEWREF(cmp == (op == OURO_EQ) ? OURO_TRUE : OURO_FALSE);
}

/* d | other: a new dict (never a subclass), as CPython 3.9+. */
static OuroObject *dict_or(OuroObject *self, OuroObject *other)
{
    if (!ouro_dict_check(self) || !ouro_dict_check(other))
        OURO_RETURN_NOTIMPLEMENTED;
    OuroObject *d = ouro_dict_copy(self);
    if (!d)
        return NULL;
    if (dict_update_arg(d, other) < 0) {
        OURO_DECREF(d);
        return NULL;
    }
    return d;
}

/* d |= other: any argument update() takes. */
static OuroObject *dict_ior(OuroObject *self, OuroObject *other)
{
    if (dict_update_arg(self, other) < 0)
        return NULL;
    return OURO_NEWREF(self);
}

/* dict.__new__: an empty dict. Exact dicts start untracked; subclass instances are
 * tracked at once, as CPython's (their tp_alloc tracks them). */
static OuroObject *dict_new(OuroType *type, OuroObject *args, OuroObject *kwds)
{
    OuroObject *self = ouro_object_alloc(type);
    if (self && type != &ouro_dict_type)
        ouro_gc_track(self);
    return self;
}

/* Merges the keyword arguments of a call, given as a dict, into self. */
static int merge_kwds_dict(OuroObject *self, OuroObject *kwds)
{
    ouro_ssize pos = 0;
    OuroObject *key;
    while (ouro_dict_next(kwds, &pos, &key, NULL)) {
        if (!ouro_str_check(key)) {
            ouro_err_set_string(&ouro_exc_TypeError, "keywords must be strings");
            return -1;
        }
    }
    return ouro_dict_merge(self, kwds, 1);
}

/* dict(mapping_or_iterable=(), **kwargs). */
static int dict_init(OuroObject *self, OuroObject *args, OuroObject *kwds)
{
    ouro_ssize nargs = args ? OURO_TUPLE_SIZE(args) : 0;
    if (!check_positional("dict", nargs, 0, 1))
        return -1;
    if (nargs == 1 && dict_update_arg(self, OURO_TUPLE_GET(args, 0)) < 0)
        return -1;
    if (kwds && ouro_dict_check(kwds) && OU_DICT(kwds)->ma_used > 0)
        return merge_kwds_dict(self, kwds);
    return 0;
}

/* ------------------------------------------------------------------------ methods -- */

static OuroObject *dict_method_get(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (!check_positional("get", nargs, 1, 2))
        return NULL;
    OuroObject *v = ouro_dict_get_item_with_error(self, args[0]);
    if (!v) {
        if (ouro_err_occurred())
            return NULL;
        v = nargs > 1 ? args[1] : OURO_NONE;
    }
    return OURO_NEWREF(v);
}

static OuroObject *dict_method_setdefault(OuroObject *self, OuroObject *const *args,
                                          ouro_ssize nargs)
{
    if (!check_positional("setdefault", nargs, 1, 2))
        return NULL;
    OuroObject *v = ouro_dict_set_default(self, args[0], nargs > 1 ? args[1] : OURO_NONE);
    return v ? OURO_NEWREF(v) : NULL;
}

static OuroObject *dict_method_pop(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (!check_positional("pop", nargs, 1, 2))
        return NULL;
    return ouro_dict_pop(self, args[0], nargs > 1 ? args[1] : NULL);
}

/* Removes the last inserted pair and returns it as a tuple. The tuple is allocated first:
 * the allocation may collect, and a finalizer may empty the dict (as CPython). */
static OuroObject *dict_method_popitem(OuroObject *self, OuroObject *unused)
{
    OuroDict *mp = OU_DICT(self);
    OuroObject *res = ouro_tuple_new(2);
    if (!res)
        return NULL;
    if (mp->ma_used == 0) {
        OURO_DECREF(res);
        ouro_err_set_string(&ouro_exc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    OuDictKeys *k = mp->ma_keys;
    OuDictEntry *ep0 = ou_dk_entries(k);
    ouro_ssize i = k->dk_nentries - 1;
    while (i >= 0 && !ep0[i].me_value)
        i--;
    OU_ASSERT(i >= 0);
    OuroObject *key = ep0[i].me_key, *value = ep0[i].me_value;
    dk_set_index(k, slot_of_entry(k, ep0[i].me_hash, i), DKIX_DUMMY);
    ep0[i].me_key = NULL;
    ep0[i].me_value = NULL;
    ep0[i].me_hash = -1;
    /* The slot is not given back to dk_usable: its index is a dummy now. */
    k->dk_nentries = i;
    mp->ma_used--;
    OURO_TUPLE_SET(res, 0, key);
    OURO_TUPLE_SET(res, 1, value);
    return res;
}

static OuroObject *dict_method_keys(OuroObject *self, OuroObject *unused)
{
    return ou_dictview_new(self, &ou_dict_keys_type);
}

static OuroObject *dict_method_values(OuroObject *self, OuroObject *unused)
{
    return ou_dictview_new(self, &ou_dict_values_type);
}

static OuroObject *dict_method_items(OuroObject *self, OuroObject *unused)
{
    return ou_dictview_new(self, &ou_dict_items_type);
}

static OuroObject *dict_method_update(OuroObject *self, OuroObject *const *args,
                                      ouro_ssize nargs, OuroObject *kwnames)
{
    if (!check_positional("update", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0)
        return NULL;
    ouro_ssize nkw = kwnames ? OURO_TUPLE_SIZE(kwnames) : 0;
    for (ouro_ssize i = 0; i < nkw; i++)
        if (ouro_dict_set_item(self, OURO_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
            return NULL;
    OURO_RETURN_NONE;
}

/* dict.fromkeys(iterable, value=None), a classmethod: cls() filled with the keys. */
static OuroObject *dict_fromkeys(OuroObject *cls, OuroObject *iterable, OuroObject *value)
{
    OuroObject *d = (OuroType *)cls == &ouro_dict_type
                        ? ouro_dict_new()
                        : ouro_object_vectorcall(cls, NULL, 0, NULL);
    if (!d)
        return NULL;
    OuroObject *key, *it = NULL;
    ouro_hash hash;
    ouro_ssize pos = 0;
    if (ouro_dict_check_exact(d) && (ouro_dict_check_exact(iterable) ||
                                     OURO_IS_TYPE(iterable, &ouro_set_type) ||
                                     OURO_IS_TYPE(iterable, &ouro_frozenset_type))) {
        /* Known hashes, and one resize up front. */
        bool src_dict = ouro_dict_check_exact(iterable);
        ouro_ssize n = src_dict ? OU_DICT(iterable)->ma_used : ((OuroSet *)iterable)->used;
        if (n > 0 && dict_resize(OU_DICT(d), estimate_log2_keysize(n)) < 0)
            goto fail;
        while (src_dict ? ou_dict_next_hash(iterable, &pos, &key, NULL, &hash)
                        : ou_set_next_entry(iterable, &pos, &key, &hash)) {
            if (ou_dict_set_item_hash(d, key, hash, value) < 0)
                goto fail;
        }
        return d;
    }
    if (!(it = ouro_object_get_iter(iterable)))
        goto fail;
    while ((key = ouro_iter_next(it)) != NULL) {
        int r = ouro_dict_check_exact(d) ? ouro_dict_set_item(d, key, value)
                                         : ouro_object_setitem(d, key, value);
        OURO_DECREF(key);
        if (r < 0)
            goto fail;
    }
    if (ouro_err_occurred())
        goto fail;
    OURO_DECREF(it);
    return d;
fail:
    OURO_XDECREF(it);
    OURO_DECREF(d);
    return NULL;
}

static OuroObject *dict_method_fromkeys(OuroObject *cls, OuroObject *const *args,
                                        ouro_ssize nargs)
{
    if (!check_positional("fromkeys", nargs, 1, 2))
        return NULL;
    return dict_fromkeys(cls, args[0], nargs > 1 ? args[1] : OURO_NONE);
}

static OuroObject *dict_method_clear(OuroObject *self, OuroObject *unused)
{
    ouro_dict_clear(self);
    OURO_RETURN_NONE;
}

static OuroObject *dict_method_copy(OuroObject *self, OuroObject *unused)
{
    return ouro_dict_copy(self);
}

static OuroObject *dict_method_reversed(OuroObject *self, OuroObject *unused)
{
    return ou_dictiter_new(self, &ou_dict_revkeyiter_type);
}

static OuroObject *dict_method_sizeof(OuroObject *self, OuroObject *unused)
{
    OuDictKeys *k = OU_DICT(self)->ma_keys;
    size_t n = (size_t)OURO_TYPE(self)->tp_basicsize;
    if (k)
        n += keys_alloc_size(k->dk_log2_size);
    return ouro_int_from_ssize((ouro_ssize)n);
}

static OuroObject *dict_method_contains(OuroObject *self, OuroObject *key)
{
    int r = ouro_dict_contains(self, key);
    if (r < 0)
        return NULL;
    return OURO_NEWREF(r ? OURO_TRUE : OURO_FALSE);
}

static const OuroMethodDef dict_methods[] = {
    { "__contains__", OURO_METH(dict_method_contains), OURO_METH_O,
      "True if the dictionary has the specified key, else False." },
    { "__getitem__", OURO_METH(dict_subscript), OURO_METH_O, "x.__getitem__(y) <==> x[y]" },
    { "__sizeof__", OURO_METH(dict_method_sizeof), OURO_METH_NOARGS,
      "D.__sizeof__() -> size of D in memory, in bytes" },
    { "get", OURO_METH(dict_method_get), OURO_METH_FASTCALL,
      "Return the value for key if key is in the dictionary, else default." },
    { "setdefault", OURO_METH(dict_method_setdefault), OURO_METH_FASTCALL,
      "Insert key with a value of default if key is not in the dictionary.\n\n"
      "Return the value for key if key is in the dictionary, else default." },
    { "pop", OURO_METH(dict_method_pop), OURO_METH_FASTCALL,
      "D.pop(k[,d]) -> v, remove specified key and return the corresponding value." },
    { "popitem", OURO_METH(dict_method_popitem), OURO_METH_NOARGS,
      "Remove and return a (key, value) pair as a 2-tuple (LIFO order)." },
    { "keys", OURO_METH(dict_method_keys), OURO_METH_NOARGS,
      "D.keys() -> a set-like object providing a view on D's keys" },
    { "items", OURO_METH(dict_method_items), OURO_METH_NOARGS,
      "D.items() -> a set-like object providing a view on D's items" },
    { "values", OURO_METH(dict_method_values), OURO_METH_NOARGS,
      "D.values() -> an object providing a view on D's values" },
    { "update", OURO_METH(dict_method_update), OURO_METH_FASTCALL | OURO_METH_KEYWORDS,
      "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F." },
    { "fromkeys", OURO_METH(dict_method_fromkeys), OURO_METH_FASTCALL | OURO_METH_CLASS,
      "Create a new dictionary with keys from iterable and values set to value." },
    { "clear", OURO_METH(dict_method_clear), OURO_METH_NOARGS,
      "D.clear() -> None.  Remove all items from D." },
    { "copy", OURO_METH(dict_method_copy), OURO_METH_NOARGS,
      "D.copy() -> a shallow copy of D" },
    { "__reversed__", OURO_METH(dict_method_reversed), OURO_METH_NOARGS,
      "Return a reverse iterator over the dict keys." },
    { NULL, NULL, 0, NULL },
};

static const OuroNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static const OuroSequenceMethods dict_as_sequence = {
    .sq_contains = dict_sq_contains,
};

static const OuroMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
};

OuroType ouro_dict_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "dict",
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE | OURO_TPFLAG_DICT_SUBCLASS,
    .tp_basicsize = sizeof(OuroDict),
    .tp_dealloc = dict_dealloc,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_repr = dict_repr,
    .tp_hash = ouro_hash_not_implemented,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_new = dict_new,
    .tp_init = dict_init,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_methods = dict_methods,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
};
