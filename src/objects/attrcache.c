/* src/objects/attrcache.c — filling the evaluation loop's attribute caches and the store
 * through them (attrcache.h). */
#include "attrcache.h"
#include "strimpl.h"

void ou_attr_cache_fill(OuAttrCache *c, OuroType *t, OuroObject *name)
{
    /* An uncacheable class leaves the entry alone: it may still serve the class it was
     * filled for (one entry serves every site of a name in a code object). */
    if (!ou_type_is_heap(t) || !ouro_str_check_exact(name) ||
        !(ou_str_flags(name) & OU_STRF_INTERNED) || t->tp_dictoffset < 0)
        return;
    uint32_t flags = 0;
    if (t->tp_getattro == ouro_object_generic_getattr)
        flags |= OU_AC_GENERIC_GET;
    if (t->tp_setattro == ouro_object_generic_setattr)
        flags |= OU_AC_GENERIC_SET;
    if (!flags)
        return;
    c->version = 0;
    /* Read first: a lookup that ran code changing a class leaves the entry stale. */
    uint64_t epoch = ou_current.objs->type_epoch;
    OuroObject *descr = ou_type_lookup(t, name);
    if (!descr && ouro_err_occurred()) {
        ouro_err_clear();
        return;
    }
    if (descr) {
        OuroType *dt = OURO_TYPE(descr);
        if (dt->tp_descr_set && !dt->tp_descr_get)
            return; /* __set__ without __get__: rare, left to the slow path (c is empty) */
        if (dt->tp_descr_set)
            flags |= OU_AC_DATA;
        else if (dt->tp_descr_get)
            flags |= OU_AC_GET;
        if (dt->tp_flags & OURO_TPFLAG_METHOD_DESCRIPTOR)
            flags |= OU_AC_METHOD;
    }
    c->epoch = epoch;
    c->descr = descr;
    c->dictoffset = (int32_t)t->tp_dictoffset;
    c->index = c->dictoffset ? ou_values_key_index(t, name) : -1;
    c->nkeys = OU_HT(t)->ht_nkeys;
    c->flags = flags;
    c->version = OU_HT(t)->ht_version;
}

int ou_attr_cache_store(const OuAttrCache *c, OuroObject *o, OuroObject *name,
                        OuroObject *value)
{
    OuroObject *d = c->descr;
    if (c->flags & OU_AC_DATA) {
        OURO_INCREF(d); /* __set__ may run code that changes the class */
        int r = OURO_TYPE(d)->tp_descr_set(d, o, value);
        OURO_DECREF(d);
        return r;
    }
    if (!c->dictoffset || c->index < 0)
        return 1;
    OuroObject **slot = (OuroObject **)((char *)o + c->dictoffset);
    OuValues *vals = ou_values_of(*slot);
    if (vals && (uint32_t)c->index < vals->v_hi && vals->v_items[c->index]) {
        /* Replacing a value the instance has: the commonest store. */
        OuroObject *old = vals->v_items[c->index];
        vals->v_items[c->index] = OURO_NEWREF(value);
        OURO_DECREF(old);
        return 0;
    }
    if ((!vals && *slot) || !OU_HT(OURO_TYPE(o))->ht_values)
        return 1; /* a real dict, or a class whose instances keep one */
    /* A new value (no data descriptor on the class, as the entry says). */
    return ou_values_setattr(o, slot, name, value);
}
