/* src/modules/gcmodule.c — the gc module, as CPython 3.11's (plus `duration` and `visited`
 * in the callbacks' info and get_stats). The collector itself: src/gc/collect.c;
 * narrative: docs/internals/gc.md. */
#include "modules.h"
#include "gc/gc.h"

static OuGCState *gcs(void) { return ou_current.gc; }

/* Argument count checks with CPython's messages for gc's functions. 0 / -1. */
static int no_kwargs(const char *name, OuroObject *kwnames)
{
    if (kwnames && OURO_TUPLE_SIZE(kwnames) > 0) {
        ouro_err_format(&ouro_exc_TypeError, "gc.%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

static int exact_nargs(const char *name, ouro_ssize nargs, ouro_ssize n)
{
    if (nargs == n)
        return 0;
    if (n == 0)
        ouro_err_format(&ouro_exc_TypeError, "gc.%s() takes no arguments (%zd given)", name,
                        nargs);
    else
        ouro_err_format(&ouro_exc_TypeError, "gc.%s() takes exactly one argument (%zd given)",
                        name, nargs);
    return -1;
}

/* A C int from an int-like argument. 0, or -1 with TypeError / OverflowError. */
static int as_int(OuroObject *o, int *out)
{
    ouro_ssize v = ouro_number_as_ssize(o, &ouro_exc_OverflowError);
    if (v == -1 && ouro_err_occurred())
        return -1;
    if (v > INT32_MAX) {
        ouro_err_set_string(&ouro_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (v < INT32_MIN) {
        ouro_err_set_string(&ouro_exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

#define NOARGS_CHECK(name)                                                                    \
    do {                                                                                      \
        if (no_kwargs(name, kwnames) < 0 || exact_nargs(name, nargs, 0) < 0)                  \
            return NULL;                                                                      \
    } while (0)

/* ------------------------------------------------------------------ functions -- */

static OuroObject *gc_enable(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                             OuroObject *kwnames)
{
    NOARGS_CHECK("enable");
    gcs()->enabled = 1;
    OURO_RETURN_NONE;
}

static OuroObject *gc_disable(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                              OuroObject *kwnames)
{
    NOARGS_CHECK("disable");
    gcs()->enabled = 0;
    OURO_RETURN_NONE;
}

static OuroObject *gc_isenabled(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    NOARGS_CHECK("isenabled");
    return ouro_bool_from_long(gcs()->enabled);
}

static OuroObject *gc_collect(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                              OuroObject *kwnames)
{
    static const char *const kwlist[] = { "generation", NULL };
    OuroObject *a[1] = { NULL };
    if (ou_builtin_parse_args("collect", args, nargs, kwnames, kwlist, 1, 0, a) < 0)
        return NULL;
    int gen = OU_GC_NGEN - 1;
    if (a[0] && as_int(a[0], &gen) < 0)
        return NULL;
    if (gen < 0 || gen >= OU_GC_NGEN)
        return ouro_err_format(&ouro_exc_ValueError, "invalid generation");
    return ouro_int_from_ssize(ou_gc_collect(gen));
}

/* A tuple of three small ints (they are immortal: no references to drop). */
static OuroObject *int_triple(int a, int b, int c)
{
    OuroObject *x = ouro_int_from_int64(a), *y = ouro_int_from_int64(b),
               *z = ouro_int_from_int64(c);
    OuroObject *t = (x && y && z) ? ouro_tuple_pack(3, x, y, z) : NULL;
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    OURO_XDECREF(z);
    return t;
}

static OuroObject *gc_get_count(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                 OuroObject *kwnames)
{
    NOARGS_CHECK("get_count");
    OuGCState *gc = gcs();
    return int_triple(gc->gens[0].count, gc->gens[1].count, gc->gens[2].count);
}

static OuroObject *gc_get_threshold(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                    OuroObject *kwnames)
{
    NOARGS_CHECK("get_threshold");
    OuGCState *gc = gcs();
    return int_triple(gc->gens[0].threshold, gc->gens[1].threshold, gc->gens[2].threshold);
}

static OuroObject *gc_set_threshold(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                    OuroObject *kwnames)
{
    if (no_kwargs("set_threshold", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3)
        return ouro_err_format(&ouro_exc_TypeError, nargs < 1
                               ? "set_threshold() takes at least 1 argument (%zd given)"
                               : "set_threshold() takes at most 3 arguments (%zd given)",
                               nargs);
    int v[3];
    for (ouro_ssize i = 0; i < nargs; i++)
        if (as_int(args[i], &v[i]) < 0)
            return NULL;
    for (ouro_ssize i = 0; i < nargs; i++)
        gcs()->gens[i].threshold = v[i];
    OURO_RETURN_NONE;
}

static OuroObject *gc_get_debug(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    NOARGS_CHECK("get_debug");
    return ouro_int_from_int64(gcs()->debug);
}

static OuroObject *gc_set_debug(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    int flags;
    if (no_kwargs("set_debug", kwnames) < 0 || exact_nargs("set_debug", nargs, 1) < 0 ||
        as_int(args[0], &flags) < 0)
        return NULL;
    gcs()->debug = flags;
    OURO_RETURN_NONE;
}

/* Appends every object of the list at head to out. 0, or -1 with an exception. */
static int append_list(OuroObject *out, OuGCHead *head)
{
    for (OuGCHead *g = ou_ptr_decompress(head->gc_next); g != head;
         g = ou_ptr_decompress(g->gc_next)) {
        OuroObject *o = ou_gc_object(g);
        if (o != out && ouro_list_append(out, o) < 0)
            return -1;
    }
    return 0;
}

static OuroObject *gc_get_objects(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                  OuroObject *kwnames)
{
    static const char *const kwlist[] = { "generation", NULL };
    OuroObject *a[1] = { NULL };
    if (ou_builtin_parse_args("get_objects", args, nargs, kwnames, kwlist, 1, 0, a) < 0)
        return NULL;
    int gen = -1;
    bool all = !a[0] || a[0] == OURO_NONE;
    if (!all) {
        if (!ouro_object_type_check(a[0], &ouro_int_type))
            return ouro_err_format(&ouro_exc_TypeError,
                                   "argument should be integer or None, not '%s'",
                                   OURO_TYPE_NAME(a[0]));
        if (as_int(a[0], &gen) < 0)
            return NULL;
        if (gen >= OU_GC_NGEN)
            return ouro_err_format(&ouro_exc_ValueError,
                                   "generation parameter must be less than the number of "
                                   "available generations (%d)", OU_GC_NGEN);
        if (gen < 0)
            all = true; /* CPython 3.11 treats a negative generation as None */
    }
    OuroObject *out = ouro_list_new(0);
    if (!out)
        return NULL;
    for (int i = 0; i < OU_GC_NGEN; i++)
        if ((all || i == gen) && append_list(out, gcs()->gens[i].head) < 0) {
            OURO_DECREF(out);
            return NULL;
        }
    return out;
}

static OuroObject *stat_entry(const OuGCStats *s)
{
    OuroObject *d = ouro_dict_new();
    OuroObject *v[4] = { ouro_int_from_ssize(s->collections), ouro_int_from_ssize(s->collected),
                         ouro_int_from_ssize(s->uncollectable),
                         ouro_float_from_double(s->duration) };
    static const char *const names[4] = { "collections", "collected", "uncollectable",
                                          "duration" };
    for (int i = 0; i < 4; i++)
        if (d && (!v[i] || ouro_dict_set_item_str(d, names[i], v[i]) < 0))
            OURO_CLEAR(d);
    for (int i = 0; i < 4; i++)
        OURO_XDECREF(v[i]);
    return d;
}

static OuroObject *gc_get_stats(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    NOARGS_CHECK("get_stats");
    OuroObject *out = ouro_list_new(0);
    for (int i = 0; out && i < OU_GC_NGEN; i++) {
        OuroObject *d = stat_entry(&gcs()->stats[i]);
        if (!d || ouro_list_append(out, d) < 0)
            OURO_CLEAR(out);
        OURO_XDECREF(d);
    }
    return out;
}

/* get_referrers: is any of the objects of the tuple-like array arg referred to? */
typedef struct RefSearch {
    OuroObject *const *objs;
    ouro_ssize n;
} RefSearch;

static int visit_find(OuroObject *o, void *arg)
{
    RefSearch *rs = arg;
    for (ouro_ssize i = 0; i < rs->n; i++)
        if (rs->objs[i] == o)
            return 1;
    return 0;
}

static OuroObject *gc_get_referrers(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                    OuroObject *kwnames)
{
    if (no_kwargs("get_referrers", kwnames) < 0)
        return NULL;
    OuroObject *out = ouro_list_new(0);
    if (!out)
        return NULL;
    RefSearch rs = { args, nargs };
    for (int i = 0; i < OU_GC_NGEN; i++) {
        OuGCHead *head = gcs()->gens[i].head;
        for (OuGCHead *g = ou_ptr_decompress(head->gc_next); g != head;
             g = ou_ptr_decompress(g->gc_next)) {
            OuroObject *o = ou_gc_object(g);
            if (o == out)
                continue;
            /* The arguments' own tuple-free array: CPython skips the args tuple. */
            ouro_traverseproc tr = OURO_TYPE(o)->tp_traverse;
            if (tr && tr(o, visit_find, &rs) && ouro_list_append(out, o) < 0) {
                OURO_DECREF(out);
                return NULL;
            }
        }
    }
    return out;
}

static int visit_append(OuroObject *o, void *arg)
{
    return ouro_list_append(arg, o) < 0 ? -1 : 0;
}

static OuroObject *gc_get_referents(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                    OuroObject *kwnames)
{
    if (no_kwargs("get_referents", kwnames) < 0)
        return NULL;
    OuroObject *out = ouro_list_new(0);
    if (!out)
        return NULL;
    for (ouro_ssize i = 0; i < nargs; i++) {
        OuroObject *o = args[i];
        /* Only GC objects are asked, as CPython; static types have no referents here. */
        if (!ou_gc_has_head(o))
            continue;
        ouro_traverseproc tr = OURO_TYPE(o)->tp_traverse;
        if (tr && tr(o, visit_append, out) < 0) {
            OURO_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static OuroObject *gc_is_tracked(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                 OuroObject *kwnames)
{
    if (no_kwargs("is_tracked", kwnames) < 0 || exact_nargs("is_tracked", nargs, 1) < 0)
        return NULL;
    return ouro_bool_from_long(ouro_gc_is_tracked(args[0]));
}

static OuroObject *gc_is_finalized(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                   OuroObject *kwnames)
{
    if (no_kwargs("is_finalized", kwnames) < 0 || exact_nargs("is_finalized", nargs, 1) < 0)
        return NULL;
    OuroObject *o = args[0];
    return ouro_bool_from_long(ou_gc_has_head(o) && (o->ob_tinfo & OU_OBFLAG_FINALIZED));
}

static OuroObject *gc_freeze(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                             OuroObject *kwnames)
{
    NOARGS_CHECK("freeze");
    ou_gc_freeze();
    OURO_RETURN_NONE;
}

static OuroObject *gc_unfreeze(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    NOARGS_CHECK("unfreeze");
    ou_gc_unfreeze();
    OURO_RETURN_NONE;
}

static OuroObject *gc_get_freeze_count(OuroObject *m, OuroObject *const *args,
                                       ouro_ssize nargs, OuroObject *kwnames)
{
    NOARGS_CHECK("get_freeze_count");
    return ouro_int_from_ssize(ou_gc_head_length(gcs()->permanent));
}

#define GC_FN(name, fn, doc) { name, OURO_METH(fn), OURO_METH_FASTCALL | OURO_METH_KEYWORDS, doc }
static const OuroMethodDef gc_methods[] = {
    GC_FN("enable", gc_enable, "Enable automatic garbage collection."),
    GC_FN("disable", gc_disable, "Disable automatic garbage collection."),
    GC_FN("isenabled", gc_isenabled, "Returns true if automatic garbage collection is enabled."),
    GC_FN("collect", gc_collect, "Run the garbage collector."),
    GC_FN("get_count", gc_get_count, "Return a three-tuple of the current collection counts."),
    GC_FN("get_threshold", gc_get_threshold, "Return the current collection thresholds."),
    GC_FN("set_threshold", gc_set_threshold, "Set the collection thresholds."),
    GC_FN("get_debug", gc_get_debug, "Get the garbage collection debugging flags."),
    GC_FN("set_debug", gc_set_debug, "Set the garbage collection debugging flags."),
    GC_FN("get_objects", gc_get_objects, "Return a list of objects tracked by the collector."),
    GC_FN("get_stats", gc_get_stats, "Return a list of dictionaries containing per-generation statistics."),
    GC_FN("get_referrers", gc_get_referrers, "Return the list of objects that directly refer to any of objs."),
    GC_FN("get_referents", gc_get_referents, "Return the list of objects that are directly referred to by objs."),
    GC_FN("is_tracked", gc_is_tracked, "Returns true if the object is tracked by the garbage collector."),
    GC_FN("is_finalized", gc_is_finalized, "Returns true if the object has been already finalized by the GC."),
    GC_FN("freeze", gc_freeze, "Freeze all current tracked objects and ignore them for future collections."),
    GC_FN("unfreeze", gc_unfreeze, "Unfreeze all objects in the permanent generation."),
    GC_FN("get_freeze_count", gc_get_freeze_count, "Return the number of objects in the permanent generation."),
    { NULL, NULL, 0, NULL },
};

/* The gc module; gc.garbage and gc.callbacks are the collector's own lists (created here
 * on first import, kept in the runtime's GC state). New reference, or NULL. */
OuroObject *ou_gc_module_create(void)
{
    OuGCState *gc = gcs();
    if (!gc->garbage && !(gc->garbage = ouro_list_new(0)))
        return NULL;
    if (!gc->callbacks && !(gc->callbacks = ouro_list_new(0)))
        return NULL;
    OuroObject *m = ou_module_from_defs("gc", gc_methods,
                                        "This module provides access to the garbage collector "
                                        "for reference cycles.");
    if (!m)
        return NULL;
    OuroObject *d = ou_module_dict(m);
    static const struct { const char *name; int v; } consts[] = {
        { "DEBUG_STATS", OU_GC_DEBUG_STATS }, { "DEBUG_COLLECTABLE", OU_GC_DEBUG_COLLECTABLE },
        { "DEBUG_UNCOLLECTABLE", OU_GC_DEBUG_UNCOLLECTABLE },
        { "DEBUG_SAVEALL", OU_GC_DEBUG_SAVEALL }, { "DEBUG_LEAK", OU_GC_DEBUG_LEAK },
    };
    if (ouro_dict_set_item_str(d, "garbage", gc->garbage) < 0 ||
        ouro_dict_set_item_str(d, "callbacks", gc->callbacks) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        OuroObject *v = ouro_int_from_int64(consts[i].v);
        int rc = v ? ouro_dict_set_item_str(d, consts[i].name, v) : -1;
        OURO_XDECREF(v);
        if (rc < 0)
            goto fail;
    }
    return m;
fail:
    OURO_DECREF(m);
    return NULL;
}
