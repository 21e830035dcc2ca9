/* src/modules/builtins_iter.c — the iterator types of builtins: enumerate, zip, map,
 * filter, reversed and callable_iterator (iter(f, sentinel)). Each holds its inputs
 * (GC-tracked: they can be part of cycles) and produces items lazily, as CPython. */
#include "modules.h"

/* ------------------------------------------------------------------ common -- */

/* Every type here is a header followed by up to 3 object fields and two counters. */
typedef struct IterObj {
    OuroObject ob_base;
    OuroObject *a, *b, *c;       /* meaning per type (see the constructors) */
    int64_t index;               /* enumerate's count, reversed's index */
    int strict;                  /* zip(strict=True) */
} IterObj;

static int iter_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    IterObj *it = (IterObj *)o;
    OuroObject *refs[] = { it->a, it->b, it->c };
    for (int i = 0; i < 3; i++)
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r)
                return r;
        }
    return 0;
}

static int iter_clear(OuroObject *o)
{
    IterObj *it = (IterObj *)o;
    OURO_CLEAR(it->a);
    OURO_CLEAR(it->b);
    OURO_CLEAR(it->c);
    return 0;
}

static void iter_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    iter_clear(o);
    ouro_object_free(o);
}

/* A new IterObj of type t owning a, b, c (stolen; NULL allowed). NULL if any required
 * input failed: the others are released. */
static OuroObject *iter_new(OuroType *t, OuroObject *a, OuroObject *b, OuroObject *c)
{
    IterObj *it = (IterObj *)ouro_object_alloc(t);
    if (!it) {
        OURO_XDECREF(a);
        OURO_XDECREF(b);
        OURO_XDECREF(c);
        return NULL;
    }
    it->a = a;
    it->b = b;
    it->c = c;
    ouro_gc_track((OuroObject *)it);
    return (OuroObject *)it;
}

static int no_kwargs(const char *name, OuroObject *kwargs)
{
    if (kwargs && ouro_dict_size(kwargs)) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

/* A tuple of iter(x) for each x of args[from..]. New reference or NULL. */
static OuroObject *iters_of(OuroObject *args, ouro_ssize from)
{
    ouro_ssize n = OURO_TUPLE_SIZE(args) - from;
    OuroObject *t = ouro_tuple_new(n);
    if (!t)
        return NULL;
    for (ouro_ssize i = 0; i < n; i++) {
        OuroObject *it = ouro_object_get_iter(OURO_TUPLE_GET(args, from + i));
        if (!it) {
            OURO_DECREF(t);
            return NULL;
        }
        OURO_TUPLE_SET(t, i, it);
    }
    return t;
}

#define ITER_TYPE(var, name_, next_, new_, doc_)                                         \
    OuroType var = {                                                                     \
        .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),                                      \
        .tp_name = name_,                                                                \
        .tp_basicsize = sizeof(IterObj),                                                 \
        .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE,                               \
        .tp_dealloc = iter_dealloc,                                                      \
        .tp_traverse = iter_traverse,                                                    \
        .tp_clear = iter_clear,                                                          \
        .tp_iter = ou_object_self_iter,                                                  \
        .tp_iternext = next_,                                                            \
        .tp_new = new_,                                                                  \
        .tp_doc = doc_,                                                                  \
    }

/* ---------------------------------------------------------------- enumerate -- */
/* a: the iterator; b: the count as an int once it leaves the int64 range. */

static OuroObject *enumerate_new(OuroType *t, OuroObject *args, OuroObject *kwargs)
{
    static const char *const kwlist[] = { "iterable", "start" };
    OuroObject *a[2];
    ouro_ssize nargs = OURO_TUPLE_SIZE(args);
    OuroObject *kwn = NULL;
    OuroObject *vec[4];
    ouro_ssize nkw = kwargs ? ouro_dict_size(kwargs) : 0;
    if (nargs + nkw > 2)
        return ouro_err_format(&ouro_exc_TypeError,
                               "enumerate() takes at most 2 arguments (%zd given)", nargs + nkw);
    for (ouro_ssize i = 0; i < nargs; i++)
        vec[i] = OURO_TUPLE_GET(args, i);
    if (nkw) {
        kwn = ouro_tuple_new(nkw);
        if (!kwn)
            return NULL;
        ouro_ssize pos = 0, k = 0;
        OuroObject *key, *value;
        while (ouro_dict_next(kwargs, &pos, &key, &value)) {
            OURO_TUPLE_SET(kwn, k, OURO_NEWREF(key));
            vec[nargs + k++] = value;
        }
    }
    int rc = ou_builtin_parse_args("enumerate", vec, nargs, kwn, kwlist, 2, 0, a);
    OURO_XDECREF(kwn);
    if (rc < 0)
        return NULL;
    if (!a[0])
        return ouro_err_format(&ouro_exc_TypeError,
                               "enumerate() missing required argument 'iterable'");
    int64_t start = 0;
    OuroObject *big = NULL;
    if (a[1]) {
        OuroObject *s = ouro_number_index(a[1]);
        if (!s)
            return NULL;
        int ovf = 0;
        start = ouro_int_as_int64_and_overflow(s, &ovf);
        if (ovf)
            big = s;
        else
            OURO_DECREF(s);
    }
    OuroObject *it = ouro_object_get_iter(a[0]);
    if (!it) {
        OURO_XDECREF(big);
        return NULL;
    }
    OuroObject *e = iter_new(t, it, big, NULL);
    if (e)
        ((IterObj *)e)->index = start;
    return e;
}

static OuroObject *enumerate_next(OuroObject *o)
{
    IterObj *e = (IterObj *)o;
    OuroObject *item = ouro_iter_next(e->a);
    if (!item)
        return NULL;
    OuroObject *n;
    if (!e->b && e->index < INT64_MAX) {
        n = ouro_int_from_int64(e->index++);
    } else {
        if (!e->b)
            e->b = ouro_int_from_int64(e->index);
        OuroObject *one = ouro_int_from_int64(1);
        n = e->b;
        e->b = e->b ? ouro_number_add(e->b, one) : NULL;
        if (!e->b)
            OURO_CLEAR(n);
    }
    if (!n) {
        OURO_DECREF(item);
        return NULL;
    }
    OuroObject *r = ouro_tuple_new(2);
    if (!r) {
        OURO_DECREF(item);
        OURO_DECREF(n);
        return NULL;
    }
    OURO_TUPLE_SET(r, 0, n);
    OURO_TUPLE_SET(r, 1, item);
    return r;
}

ITER_TYPE(ou_enumerate_type, "enumerate", enumerate_next, enumerate_new,
          "Return an enumerate object.");

/* ---------------------------------------------------------------------- zip -- */
/* a: tuple of iterators. */

static OuroObject *zip_new(OuroType *t, OuroObject *args, OuroObject *kwargs)
{
    int strict = 0;
    if (kwargs && ouro_dict_size(kwargs)) {
        ouro_ssize pos = 0;
        OuroObject *key, *value;
        while (ouro_dict_next(kwargs, &pos, &key, &value)) {
            if (!ouro_str_equal_cstr(key, "strict"))
                return ouro_err_format(&ouro_exc_TypeError,
                                       "zip() got an unexpected keyword argument '%U'", key);
            strict = ouro_object_is_true(value);
            if (strict < 0)
                return NULL;
        }
    }
    OuroObject *its = iters_of(args, 0);
    OuroObject *z = its ? iter_new(t, its, NULL, NULL) : NULL;
    if (z)
        ((IterObj *)z)->strict = strict;
    return z;
}

/* zip(strict=True) found iterator i exhausted (shorter) or still going (longer). */
static OuroObject *zip_mismatch(ouro_ssize i, bool shorter)
{
    const char *what = shorter ? "shorter" : "longer";
    if (i == 1)
        return ouro_err_format(&ouro_exc_ValueError, "zip() argument 2 is %s than argument 1",
                               what);
    return ouro_err_format(&ouro_exc_ValueError, "zip() argument %zd is %s than arguments 1-%zd",
                           i + 1, what, i);
}

static OuroObject *zip_next(OuroObject *o)
{
    IterObj *z = (IterObj *)o;
    ouro_ssize n = OURO_TUPLE_SIZE(z->a);
    if (n == 0)
        return NULL;
    OuroObject *r = ouro_tuple_new(n);
    if (!r)
        return NULL;
    for (ouro_ssize i = 0; i < n; i++) {
        OuroObject *item = ouro_iter_next(OURO_TUPLE_GET(z->a, i));
        if (item) {
            OURO_TUPLE_SET(r, i, item);
            continue;
        }
        OURO_DECREF(r);
        if (!z->strict || ouro_err_occurred())
            return NULL;
        if (i > 0)
            return zip_mismatch(i, true);
        for (ouro_ssize j = 1; j < n; j++) {
            OuroObject *more = ouro_iter_next(OURO_TUPLE_GET(z->a, j));
            if (more) {
                OURO_DECREF(more);
                return zip_mismatch(j, false);
            }
            if (ouro_err_occurred())
                return NULL;
        }
        return NULL;
    }
    return r;
}

ITER_TYPE(ou_zip_type, "zip", zip_next, zip_new,
          "The zip object yields n-length tuples, where n is the number of iterables passed "
          "as positional arguments to zip().");

/* ---------------------------------------------------------------------- map -- */
/* a: the function; b: tuple of iterators. */

static OuroObject *map_new(OuroType *t, OuroObject *args, OuroObject *kwargs)
{
    if (no_kwargs("map", kwargs) < 0)
        return NULL;
    if (OURO_TUPLE_SIZE(args) < 2)
        return ouro_err_format(&ouro_exc_TypeError, "map() must have at least two arguments.");
    OuroObject *its = iters_of(args, 1);
    if (!its)
        return NULL;
    return iter_new(t, OURO_NEWREF(OURO_TUPLE_GET(args, 0)), its, NULL);
}

static OuroObject *map_next(OuroObject *o)
{
    IterObj *m = (IterObj *)o;
    ouro_ssize n = OURO_TUPLE_SIZE(m->b);
    OuroObject *small[8];
    OuroObject **items = n <= 8 ? small : ou_mem_alloc(sizeof(OuroObject *) * (size_t)n);
    if (!items)
        return ouro_err_no_memory();
    ouro_ssize got = 0;
    OuroObject *r = NULL;
    for (; got < n; got++) {
        items[got] = ouro_iter_next(OURO_TUPLE_GET(m->b, got));
        if (!items[got])
            break;
    }
    if (got == n)
        r = ouro_object_vectorcall(m->a, items, (size_t)n, NULL);
    for (ouro_ssize i = 0; i < got; i++)
        OURO_DECREF(items[i]);
    if (items != small)
        ou_mem_free(items);
    return r;
}

ITER_TYPE(ou_map_type, "map", map_next, map_new,
          "Make an iterator that computes the function using arguments from each of the "
          "iterables.");

/* ------------------------------------------------------------------- filter -- */
/* a: the predicate (None: truth); b: the iterator. */

static OuroObject *filter_new(OuroType *t, OuroObject *args, OuroObject *kwargs)
{
    if (no_kwargs("filter", kwargs) < 0 ||
        ou_builtin_check_nargs("filter", OURO_TUPLE_SIZE(args), 2, 2) < 0)
        return NULL;
    OuroObject *it = ouro_object_get_iter(OURO_TUPLE_GET(args, 1));
    if (!it)
        return NULL;
    return iter_new(t, OURO_NEWREF(OURO_TUPLE_GET(args, 0)), it, NULL);
}

static OuroObject *filter_next(OuroObject *o)
{
    IterObj *f = (IterObj *)o;
    OuroObject *item;
    while ((item = ouro_iter_next(f->b))) {
        int ok;
        if (f->a == OURO_NONE || f->a == (OuroObject *)&ouro_bool_type) {
            ok = ouro_object_is_true(item);
        } else {
            OuroObject *r = ouro_object_vectorcall(f->a, &item, 1, NULL);
            ok = r ? ouro_object_is_true(r) : -1;
            OURO_XDECREF(r);
        }
        if (ok > 0)
            return item;
        OURO_DECREF(item);
        if (ok < 0)
            return NULL;
    }
    return NULL;
}

ITER_TYPE(ou_filter_type, "filter", filter_next, filter_new,
          "Return an iterator yielding those items of iterable for which function(item) is "
          "true.");

/* ----------------------------------------------------------------- reversed -- */
/* a: the sequence (NULL once exhausted); index: the next index. */

static OuroObject *reversed_new(OuroType *t, OuroObject *args, OuroObject *kwargs)
{
    if (no_kwargs("reversed", kwargs) < 0 ||
        ou_builtin_check_nargs("reversed", OURO_TUPLE_SIZE(args), 1, 1) < 0)
        return NULL;
    OuroObject *seq = OURO_TUPLE_GET(args, 0);
    OuroObject *r = ou_mod_call_method(seq, "__reversed__", NULL, 0, NULL);
    if (r || !ouro_err_matches(&ouro_exc_AttributeError))
        return r;
    ouro_err_clear();
    if (!ou_seqiter_applies(seq)) /* __len__ and __getitem__ */
        return ouro_err_format(&ouro_exc_TypeError, "'%s' object is not reversible",
                               OURO_TYPE_NAME(seq));
    ouro_ssize n = ouro_object_length(seq);
    if (n < 0)
        return NULL;
    OuroObject *it = iter_new(t, OURO_NEWREF(seq), NULL, NULL);
    if (it)
        ((IterObj *)it)->index = n - 1;
    return it;
}

static OuroObject *reversed_next(OuroObject *o)
{
    IterObj *r = (IterObj *)o;
    if (!r->a)
        return NULL;
    if (r->index >= 0) {
        OuroObject *i = ouro_int_from_int64(r->index--);
        OuroObject *item = i ? ouro_object_getitem(r->a, i) : NULL;
        OURO_XDECREF(i);
        if (item)
            return item;
        if (!ouro_err_matches(&ouro_exc_IndexError) && !ouro_err_matches(&ouro_exc_StopIteration))
            return NULL;
        ouro_err_clear();
    }
    OURO_CLEAR(r->a);
    return NULL;
}

ITER_TYPE(ou_reversed_type, "reversed", reversed_next, reversed_new,
          "Return a reverse iterator over the values of the given sequence.");

/* ---------------------------------------------------------- callable_iterator -- */
/* a: the callable; b: the sentinel (both cleared once the sentinel is seen). */

OuroObject *ou_callable_iter_new(OuroObject *callable, OuroObject *sentinel)
{
    return iter_new(&ou_callable_iter_type, OURO_NEWREF(callable), OURO_NEWREF(sentinel), NULL);
}

static OuroObject *callable_iter_next(OuroObject *o)
{
    IterObj *c = (IterObj *)o;
    if (!c->a)
        return NULL;
    OuroObject *r = ouro_object_vectorcall(c->a, NULL, 0, NULL);
    if (!r) {
        if (ouro_err_matches(&ouro_exc_StopIteration)) {
            ouro_err_clear();
            iter_clear(o);
        }
        return NULL;
    }
    int eq = ouro_object_richcompare_bool(r, c->b, OURO_EQ);
    if (eq == 0)
        return r;
    OURO_DECREF(r);
    if (eq > 0)
        iter_clear(o);
    return NULL;
}

ITER_TYPE(ou_callable_iter_type, "callable_iterator", callable_iter_next, NULL, NULL);
