/* src/objects/instvalues.c — shared-key instance attributes: the class's key table,
 * the instances' values arrays, and their conversion to a real dict. See instvalues.h;
 * narrative: docs/internals/object-layout.md, "Instance dicts". */
#include "typeimpl.h"
#include "instvalues.h"

/* Index of name in the class's keys, or -1. Interned names (the compiler's) match by
 * address; others by value. */
static int key_index(OuHeapType *ht, OuroObject *name);

int ou_values_key_index(OuroType *t, OuroObject *name)
{
    return key_index(OU_HT(t), name);
}

static int key_index(OuHeapType *ht, OuroObject *name)
{
    for (uint32_t i = 0; i < ht->ht_nkeys; i++)
        if (ht->ht_keys[i] == name)
            return (int)i;
    if (ouro_str_is_interned(name))
        return -1; /* every key is interned: another address is another string */
    for (uint32_t i = 0; i < ht->ht_nkeys; i++)
        if (ouro_str_equal(ht->ht_keys[i], name))
            return (int)i;
    return -1;
}

/* Index of name, added to the class's keys when there is room. -1 when the keys are
 * full or name is not an exact str (the instance then needs a real dict); never fails
 * otherwise (-2 on memory failure, with no exception set). */
static int key_index_add(OuHeapType *ht, OuroObject *name)
{
    int i = key_index(ht, name);
    if (i >= 0 || ht->ht_nkeys >= OU_SHARED_KEYS_MAX)
        return i;
    if (!ht->ht_keys && !(ht->ht_keys = ou_mem_alloc(OU_SHARED_KEYS_MAX * sizeof(OuroObject *))))
        return -2;
    OuroObject *k = OURO_NEWREF(name);
    ouro_str_intern_in_place(&k);
    if (!ouro_str_is_interned(k)) { /* (no memory to intern it) key_index needs them all */
        OURO_DECREF(k);
        return -1;
    }
    ht->ht_keys[ht->ht_nkeys] = k;
    return (int)ht->ht_nkeys++;
}

void ou_values_keys_free(OuHeapType *ht)
{
    for (uint32_t i = 0; i < ht->ht_nkeys; i++)
        OURO_DECREF(ht->ht_keys[i]);
    if (ht->ht_keys)
        ou_mem_free(ht->ht_keys);
    ht->ht_keys = NULL;
    ht->ht_nkeys = 0;
}

OuroObject *ou_values_get(OuroType *t, OuValues *v, OuroObject *name)
{
    int i = key_index(OU_HT(t), name);
    return i >= 0 && (uint32_t)i < v->v_hi ? v->v_items[i] : NULL;
}

static size_t values_bytes(uint32_t cap)
{
    return sizeof(OuValues) + cap * sizeof(OuroObject *);
}

size_t ou_values_sizeof(OuroObject *word)
{
    OuValues *v = ou_values_of(word);
    return v ? values_bytes(v->v_cap) : 0;
}

/* The values of *slot with room for index i. Sizing: the first instance of a class grows
 * one value at a time and so teaches the class its usual size (ht_values_hint: the keys
 * known when a second instance first needs values); later instances start at that
 * size, and one that needs more (an unusual attribute) grows alone, to what it needs.
 * Borrowed, or NULL with MemoryError. */
static OuValues *values_reserve(OuHeapType *ht, OuroObject **slot, uint32_t i)
{
    OuValues *v = ou_values_of(*slot);
    if (v && i < v->v_cap)
        return v;
    uint32_t cap = i + 1;
    if (!v && ht->ht_values_seen) {
        if (!ht->ht_values_hint)
            ht->ht_values_hint = ht->ht_nkeys;
        if (ht->ht_values_hint > cap)
            cap = ht->ht_values_hint;
    }
    OuValues *nv = v ? ou_mem_realloc(v, values_bytes(cap)) : ou_mem_alloc(values_bytes(cap));
    if (!nv) {
        ouro_err_no_memory();
        return NULL;
    }
    if (!v) {
        nv->v_hi = 0;
        ht->ht_values_seen = 1;
    }
    for (uint32_t k = v ? nv->v_cap : 0; k < cap; k++)
        nv->v_items[k] = NULL;
    nv->v_cap = cap;
    *slot = (OuroObject *)((uintptr_t)nv | 1);
    return nv;
}

OuroObject *ou_values_materialize(OuroObject *o, OuroObject **slot)
{
    OuValues *v = ou_values_of(*slot);
    if (!v)
        return *slot;
    OuHeapType *ht = OU_HT(OURO_TYPE(o));
    OuroObject *d = ouro_dict_new();
    if (!d)
        return NULL;
    for (uint32_t i = 0; i < v->v_hi; i++)
        if (v->v_items[i] && ouro_dict_set_item(d, ht->ht_keys[i], v->v_items[i]) < 0) {
            OURO_DECREF(d);
            return NULL;
        }
    *slot = d;
    for (uint32_t i = 0; i < v->v_hi; i++)
        OURO_XDECREF(v->v_items[i]);
    ou_mem_free(v);
    return d;
}

/* The dict path: *slot is NULL or a dict. 0, 1 (deleting an absent name) or -1. */
static int dict_setattr(OuroObject **slot, OuroObject *name, OuroObject *value)
{
    if (!*slot) {
        if (!value)
            return 1;
        if (!(*slot = ouro_dict_new()))
            return -1;
    }
    OuroObject *dict = OURO_NEWREF(*slot);
    int r;
    if (value) {
        r = ouro_dict_set_item(dict, name, value);
    } else if ((r = ouro_dict_del_item(dict, name)) < 0 && ouro_err_matches(&ouro_exc_KeyError)) {
        ouro_err_clear();
        r = 1;
    }
    OURO_DECREF(dict);
    return r;
}

int ou_values_setattr(OuroObject *o, OuroObject **slot, OuroObject *name, OuroObject *value)
{
    OuHeapType *ht = OU_HT(OURO_TYPE(o));
    OuValues *v = ou_values_of(*slot);
    if (*slot && !v)
        return dict_setattr(slot, name, value);
    if (!value) {
        int i = v ? key_index(ht, name) : -1;
        if (i < 0 || (uint32_t)i >= v->v_hi || !v->v_items[i])
            return 1;
        OuroObject *old = v->v_items[i];
        v->v_items[i] = NULL;
        OURO_DECREF(old);
        return 0;
    }
    int i = ouro_str_check_exact(name) ? key_index_add(ht, name) : -1;
    if (i == -2)
        return ouro_err_no_memory(), -1;
    /* Unshareable name, or an insertion that would break the index order: a dict. */
    if (i < 0 || (v && (uint32_t)i < v->v_hi && !v->v_items[i])) {
        if (!ou_values_materialize(o, slot) && ouro_err_occurred())
            return -1;
        return dict_setattr(slot, name, value);
    }
    if (!(v = values_reserve(ht, slot, (uint32_t)i)))
        return -1;
    OuroObject *old = v->v_items[i];
    v->v_items[i] = OURO_NEWREF(value);
    if ((uint32_t)i >= v->v_hi)
        v->v_hi = (uint32_t)i + 1;
    OURO_XDECREF(old);
    return 0;
}

void ou_values_clear(OuroObject **slot)
{
    OuValues *v = ou_values_of(*slot);
    if (!v) {
        OURO_CLEAR(*slot);
        return;
    }
    *slot = NULL; /* before the decrefs: they may run code that looks at the instance */
    for (uint32_t i = 0; i < v->v_hi; i++)
        OURO_XDECREF(v->v_items[i]);
    ou_mem_free(v);
}

int ou_values_traverse(OuroObject *word, ouro_visitproc visit, void *arg)
{
    OuValues *v = ou_values_of(word);
    if (!v)
        return word ? visit(word, arg) : 0;
    for (uint32_t i = 0; i < v->v_hi; i++) {
        int r;
        if (v->v_items[i] && (r = visit(v->v_items[i], arg)))
            return r;
    }
    return 0;
}
