/* src/objects/typedict.c — where attributes of types come from: the per-runtime dicts of
 * the static types (built on first use from tp_methods, tp_members, tp_getset and the C
 * slots), the MRO walk of ou_type_lookup and its per-runtime method cache, and the
 * teardown of the type machinery's state. Narrative: docs/internals/language.md. */
#include "typeimpl.h"
#include "lang/lang.h"
#include "strimpl.h"
#include <string.h>

/* ------------------------------------------------------------- method cache --
 * Direct-mapped, as CPython's type cache: an entry remembers (version, name) -> value
 * (borrowed from a type dict, NULL for "absent"). A static type's version is its id
 * (its dict never changes); a class takes a fresh number at creation, and any change to
 * any class clears the whole cache (rare: class bodies run before the first lookups). */
#define MCACHE_BITS 12
#define MCACHE_SIZE (1u << MCACHE_BITS)

typedef struct OuMethodCacheEntry {
    uint64_t version;
    OuroObject *name;   /* an interned str; NULL: empty entry */
    OuroObject *value;  /* borrowed, or NULL when the name is absent */
} OuMethodCacheEntry;

static uint64_t type_version(const OuroType *t)
{
    return ou_type_is_heap(t) ? OU_HT(t)->ht_version : t->tp_id;
}

static inline OuMethodCacheEntry *mcache_entry(OuObjState *st, uint64_t version, OuroObject *name)
{
    if (OU_UNLIKELY(!st->method_cache)) {
        st->method_cache = ou_mem_alloc(MCACHE_SIZE * sizeof(OuMethodCacheEntry));
        if (!st->method_cache)
            return NULL;
        memset(st->method_cache, 0, MCACHE_SIZE * sizeof(OuMethodCacheEntry));
    }
    uint64_t h = (version * 0x9E3779B97F4A7C15ull) ^ ((uintptr_t)name >> 4);
    return &st->method_cache[(h ^ (h >> 29)) & (MCACHE_SIZE - 1)];
}

uint64_t ou_type_new_version(void)
{
    /* Above every type id, so a class's version never equals a static type's. */
    return ((uint64_t)1 << 32) + ++ou_objstate()->type_version_next;
}

void ou_type_cache_clear(void)
{
    OuObjState *st = ou_objstate();
    st->type_epoch++;
    if (st->method_cache)
        memset(st->method_cache, 0, MCACHE_SIZE * sizeof(OuMethodCacheEntry));
}

/* ------------------------------------------------------------- static dicts -- */

/* The builtin `T.__new__(S, ...)`: calls T's tp_new for the subtype S, with CPython's
 * checks (tp_new_wrapper). self is T. */
static OuroObject *tp_new_wrapper(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                  OuroObject *kwnames)
{
    OuroType *t = (OuroType *)self;
    const char *tn = ouro_type_name(t);
    if (nargs < 1)
        return ouro_err_format(&ouro_exc_TypeError, "%s.__new__(): not enough arguments", tn);
    OuroObject *arg0 = args[0];
    if (!ouro_object_type_check(arg0, &ouro_type_type))
        return ouro_err_format(&ouro_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                               tn, OURO_TYPE_NAME(arg0));
    OuroType *sub = (OuroType *)arg0;
    if (!ouro_type_is_subtype(sub, t))
        return ouro_err_format(&ouro_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                               tn, ouro_type_name(sub), ouro_type_name(sub), tn);
    /* The most derived static base of sub must use t's tp_new (object.__new__(int) is
     * not safe: int needs its own). */
    OuroType *staticbase = sub;
    while (staticbase && ou_type_is_heap(staticbase))
        staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != t->tp_new)
        return ouro_err_format(&ouro_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                               tn, ouro_type_name(sub), ouro_type_name(staticbase));
    OuroObject *tuple = ouro_tuple_from_array(args + 1, nargs - 1), *kw = NULL, *r = NULL;
    if (!tuple)
        return NULL;
    if (kwnames && OURO_TUPLE_SIZE(kwnames)) {
        if (!(kw = ouro_dict_new()))
            goto done;
        for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(kwnames); i++)
            if (ouro_dict_set_item(kw, OURO_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                goto done;
    }
    r = t->tp_new(sub, tuple, kw);
done:
    OURO_DECREF(tuple);
    OURO_XDECREF(kw);
    return r;
}

static const OuroMethodDef tp_new_def = {
    "__new__", OURO_METH(tp_new_wrapper), OURO_METH_FASTCALL | OURO_METH_KEYWORDS,
    "Create and return a new object.  See help(type) for accurate signature.",
};

int ou_cfunction_is_tp_new(OuroObject *f, OuroObject **self)
{
    return ou_cfunction_get_def(f, self) == &tp_new_def;
}

/* dict[name] = v unless name is there already (the first definition wins, as CPython's
 * add_methods/add_operators). Steals v. 0 or -1. */
static int add_new(OuroObject *dict, const char *name, OuroObject *v)
{
    if (!v)
        return -1;
    int r = 0;
    if (!ouro_dict_get_item_str(dict, name))
        r = ouro_dict_set_item_str(dict, name, v);
    OURO_DECREF(v);
    return r;
}

static int add_methods(OuroType *t, OuroObject *dict)
{
    for (const OuroMethodDef *m = t->tp_methods; m && m->ml_name; m++) {
        OuroObject *v;
        if (m->ml_flags & OURO_METH_STATIC) {
            OuroObject *f = ou_cfunction_new(m, NULL, NULL);
            v = f ? ou_staticmethod_new(f) : NULL;
            OURO_XDECREF(f);
        } else {
            v = ou_descr_new_method(t, m);
        }
        if (add_new(dict, m->ml_name, v) < 0)
            return -1;
    }
    for (const OuroMemberDef *m = t->tp_members; m && m->name; m++)
        if (add_new(dict, m->name, ou_descr_new_member(t, m)) < 0)
            return -1;
    for (const OuroGetSetDef *g = t->tp_getset; g && g->name; g++)
        if (add_new(dict, g->name, ou_descr_new_getset(t, g)) < 0)
            return -1;
    return 0;
}

static int fill_static_dict(OuroType *t, OuroObject *dict)
{
    if (add_methods(t, dict) < 0)
        return -1;
    if (t->tp_new && (!t->tp_base || t->tp_new != t->tp_base->tp_new) &&
        add_new(dict, "__new__", ou_cfunction_new(&tp_new_def, (OuroObject *)t, NULL)) < 0)
        return -1;
    if (ou_slots_add_wrappers(t, dict) < 0)
        return -1;
    OuroObject *doc = t->tp_doc ? ouro_str_from_cstr(t->tp_doc) : OURO_NEWREF(OURO_NONE);
    if (add_new(dict, "__doc__", doc) < 0)
        return -1;
    return ouro_err_occurred() ? -1 : 0; /* a failed look-up in add_new */
}

/* Makes room for entry tid in the runtime's table of static type dicts. 0 or -1. */
static int grow_type_dicts(OuObjState *st, uint32_t tid)
{
    uint32_t cap = st->type_dicts_cap ? st->type_dicts_cap : 128;
    while (cap <= tid)
        cap *= 2;
    OuroObject **a = ou_mem_alloc(cap * sizeof(OuroObject *));
    if (!a) {
        ouro_err_no_memory();
        return -1;
    }
    memset(a, 0, cap * sizeof(OuroObject *));
    if (st->type_dicts) {
        memcpy(a, st->type_dicts, st->type_dicts_cap * sizeof(OuroObject *));
        ou_mem_free(st->type_dicts);
    }
    st->type_dicts = a;
    st->type_dicts_cap = cap;
    return 0;
}

OuroObject *ou_type_dict(OuroType *t)
{
    if (ou_type_is_heap(t))
        return t->tp_dict;
    OuObjState *st = ou_objstate();
    if (t->tp_id >= st->type_dicts_cap && grow_type_dicts(st, t->tp_id) < 0)
        return NULL;
    OuroObject *d = st->type_dicts[t->tp_id];
    if (d)
        return d;
    d = ouro_dict_new();
    if (!d)
        return NULL;
    /* Stored before it is filled: descriptors of the type's own getsets look here. */
    st->type_dicts[t->tp_id] = d;
    if (fill_static_dict(t, d) < 0) {
        st->type_dicts[t->tp_id] = NULL;
        OURO_DECREF(d);
        return NULL;
    }
    return d;
}

/* ------------------------------------------------------------------- lookup -- */

OuroObject *ou_type_mro_tuple(OuroType *t)
{
    if (t->tp_mro)
        return OURO_NEWREF(t->tp_mro);
    ouro_ssize n = 0;
    for (OuroType *b = t; b; b = b->tp_base)
        n++;
    OuroObject *mro = ouro_tuple_new(n);
    if (!mro)
        return NULL;
    n = 0;
    for (OuroType *b = t; b; b = b->tp_base)
        OURO_TUPLE_SET(mro, n++, OURO_NEWREF(b));
    return mro;
}

static OuroObject *find_in_dict(OuroType *b, OuroObject *name, int *err)
{
    OuroObject *d = ou_type_dict(b);
    if (!d) {
        *err = 1;
        return NULL;
    }
    OuroObject *v = ouro_dict_get_item_with_error(d, name);
    if (!v && ouro_err_occurred())
        *err = 1;
    return v;
}

static OuroObject *lookup_uncached(OuroType *t, OuroObject *name, int *err)
{
    OuroObject *v = NULL;
    if (t->tp_mro) {
        OuroObject *mro = OURO_NEWREF(t->tp_mro); /* a lookup may run code that changes it */
        for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(mro) && !v && !*err; i++)
            v = find_in_dict((OuroType *)OURO_TUPLE_GET(mro, i), name, err);
        OURO_DECREF(mro);
        return v;
    }
    for (OuroType *b = t; b && !v && !*err; b = b->tp_base)
        v = find_in_dict(b, name, err);
    return v;
}

OuroObject *ou_type_lookup(OuroType *t, OuroObject *name)
{
    int err = 0;
    /* Only interned names are cached: their identity is their value. */
    if (!ouro_str_check_exact(name) || !(ou_str_flags(name) & OU_STRF_INTERNED))
        return lookup_uncached(t, name, &err);
    OuObjState *st = ou_current.objs;
    uint64_t version = type_version(t);
    OuMethodCacheEntry *e = mcache_entry(st, version, name);
    if (OU_LIKELY(e != NULL) && e->name == name && e->version == version)
        return e->value;
    OuroObject *v = lookup_uncached(t, name, &err);
    if (e && !err) {
        e->version = version;
        e->name = name;
        e->value = v;
    }
    return v;
}

/* ----------------------------------------------------------------- teardown -- */

/* Classes form cycles (a class is in its own __mro__; its dict's functions and
 * descriptors point back at it). Without a collection at exit, the runtime breaks them:
 * every class still alive is cleared (dict, MRO, bases), which frees them and their
 * instances. */
static void clear_heap_types(OuObjState *st)
{
    for (int pass = 0; pass < 4 && st->heap_types; pass++) {
        ouro_ssize n = 0;
        for (OuHeapType *h = st->heap_types; h; h = h->ht_next)
            n++;
        OuroObject **all = ou_mem_alloc((size_t)n * sizeof(OuroObject *));
        if (!all)
            return;
        n = 0;
        for (OuHeapType *h = st->heap_types; h; h = h->ht_next)
            all[n++] = OURO_NEWREF(h);
        for (ouro_ssize i = 0; i < n; i++)
            ou_heaptype_clear(all[i]);
        for (ouro_ssize i = 0; i < n; i++)
            OURO_DECREF(all[i]);
        ou_mem_free(all);
    }
}

void ou_types_fini(OuObjState *st)
{
    clear_heap_types(st);
    if (st->type_dicts) {
        for (uint32_t i = 0; i < st->type_dicts_cap; i++)
            OURO_CLEAR(st->type_dicts[i]);
        ou_mem_free(st->type_dicts);
        st->type_dicts = NULL;
        st->type_dicts_cap = 0;
    }
    if (st->method_cache) {
        ou_mem_free(st->method_cache);
        st->method_cache = NULL;
    }
    ou_slots_fini(st);
}
