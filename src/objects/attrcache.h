/* src/objects/attrcache.h — the evaluation loop's attribute caches (issue 4's "inline
 * caches keyed on type version tags"): what the generic attribute protocol found for one
 * name on one class, so that `o.name` and `o.name = v` on its instances skip the MRO walk
 * and the shared-key search. An entry is valid while the class keeps its version and the
 * runtime its type epoch (any class change bumps both: typedict.c). Narrative:
 * docs/internals/language.md, "Attribute caches". */
#ifndef OU_ATTRCACHE_H
#define OU_ATTRCACHE_H

#include "typeimpl.h"
#include "instvalues.h"

enum {
    OU_AC_GENERIC_GET = 1,  /* the class uses the generic getattr (no __getattribute__ etc.) */
    OU_AC_GENERIC_SET = 2,  /* ... and the generic setattr */
    OU_AC_DATA = 4,         /* descr is a data descriptor (has __get__ and __set__) */
    OU_AC_GET = 8,          /* descr has __get__ only (functions, classmethod, ...) */
    OU_AC_METHOD = 16,      /* descr binds like a function (LOAD_METHOD skips the binding) */
};

typedef struct OuAttrCache {
    uint64_t version;       /* the class's ht_version when filled; 0: empty */
    uint64_t epoch;         /* the runtime's type_epoch when filled */
    OuroObject *descr;      /* borrowed from a class dict on the MRO: what the type lookup
                               of the name gave, or NULL */
    int32_t dictoffset;     /* the instances' __dict__ word offset, or 0: none */
    int32_t index;          /* the name's index in the class's shared keys, or -1 */
    uint32_t nkeys;         /* the class's key count when filled (index -1 holds while
                               it is unchanged: keys are only appended) */
    uint32_t flags;         /* OU_AC_* */
} OuAttrCache;

/* 1 if c describes t now. */
static inline bool ou_attr_cache_valid(const OuAttrCache *c, const OuroType *t)
{
    return ou_type_is_heap(t) && OU_HT(t)->ht_version == c->version &&
           c->epoch == ou_current.objs->type_epoch;
}

/* 1 if filling c for t could change it: t is a class, and c is not valid for it or it
 * learnt new keys since. */
static inline bool ou_attr_cache_stale(const OuAttrCache *c, const OuroType *t)
{
    return ou_type_is_heap(t) &&
           (!ou_attr_cache_valid(c, t) || (c->index < 0 && OU_HT(t)->ht_nkeys != c->nkeys));
}

/* Records what the generic protocol finds for name on t. Never fails (an uncacheable
 * class or name leaves c empty; no exception is set). */
void ou_attr_cache_fill(OuAttrCache *c, OuroType *t, OuroObject *name);

/* The instance's own value of the cached name: 1 (found, *v borrowed), 0 (absent), -1
 * (unknown: the instance has a real dict, or the class learnt new keys). */
static inline int ou_attr_cache_own(const OuAttrCache *c, OuroObject *o, OuroObject **v)
{
    if (!c->dictoffset)
        return 0;
    OuroObject *word = *(OuroObject **)((char *)o + c->dictoffset);
    if (!word)
        return 0;
    OuValues *vals = ou_values_of(word);
    if (!vals)
        return -1;
    if (c->index >= 0)
        return (uint32_t)c->index < vals->v_hi && (*v = vals->v_items[c->index]) != NULL;
    return OU_HT(OURO_TYPE(o))->ht_nkeys == c->nkeys ? 0 : -1;
}

/* o.name through c (valid for o's class, OU_AC_GENERIC_GET set). Returns: new reference;
 * NULL with an exception; or NULL with *miss set (the slow path must run). */
static inline OuroObject *ou_attr_cache_load(const OuAttrCache *c, OuroObject *o, int *miss)
{
    OuroObject *d = c->descr, *v = NULL;
    if (!(c->flags & OU_AC_DATA)) {
        int own = ou_attr_cache_own(c, o, &v);
        if (own > 0)
            return OURO_NEWREF(v);
        if (own < 0 || !d) {
            *miss = 1;    /* unknown, or absent everywhere: the slow path raises */
            return NULL;
        }
        if (!(c->flags & OU_AC_GET))
            return OURO_NEWREF(d);
    }
    OURO_INCREF(d);       /* __get__ may run code that changes the class */
    v = OURO_TYPE(d)->tp_descr_get(d, o, (OuroObject *)OURO_TYPE(o));
    OURO_DECREF(d);
    return v;
}

/* o.name = value (value borrowed; not a deletion) through c (valid for o's class,
 * OU_AC_GENERIC_SET set; name is the name c was filled for). Returns 0, -1 with an
 * exception, or 1 (miss: the slow path must run). */
int ou_attr_cache_store(const OuAttrCache *c, OuroObject *o, OuroObject *name,
                        OuroObject *value);

#endif
