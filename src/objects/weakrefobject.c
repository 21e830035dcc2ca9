/* src/objects/weakrefobject.c — weak references (weakref.ref and its subclasses): the
 * per-referent list, creation with sharing of plain refs, clearing at death with the
 * callbacks, and the collector's half. Proxies: weakproxy.c. Narrative:
 * docs/internals/weakref.md. */
#include "weakrefobject.h"

#define WR(o) ((OuWeakRef *)(o))

/* ----------------------------------------------------------------- the list -- */

/* Unlinks r from its referent's list and marks it dead. Never fails. */
static void unlink_ref(OuWeakRef *r)
{
    if (!r->wr_object)
        return;
    OuroObject **list = ou_weakref_list_of(r->wr_object);
    if (list && *list == (OuroObject *)r)
        *list = (OuroObject *)r->wr_next;
    if (r->wr_prev)
        r->wr_prev->wr_next = r->wr_next;
    if (r->wr_next)
        r->wr_next->wr_prev = r->wr_prev;
    r->wr_prev = r->wr_next = NULL;
    r->wr_object = NULL;
}

/* Links r first on the list / right after prev. Never fail. */
static void insert_head(OuWeakRef *r, OuroObject **list)
{
    OuWeakRef *next = WR(*list);
    r->wr_prev = NULL;
    r->wr_next = next;
    if (next)
        next->wr_prev = r;
    *list = (OuroObject *)r;
}

static void insert_after(OuWeakRef *r, OuWeakRef *prev)
{
    r->wr_prev = prev;
    r->wr_next = prev->wr_next;
    if (prev->wr_next)
        prev->wr_next->wr_prev = r;
    prev->wr_next = r;
}

/* The shared plain ref and plain proxy at the head of a list (each may be NULL).
 * CPython's get_basic_refs: they are always first, the ref before the proxy. */
static void basic_refs(OuWeakRef *head, OuWeakRef **ref, OuWeakRef **proxy)
{
    *ref = *proxy = NULL;
    if (head && OURO_IS_TYPE(head, &ouro_weakref_type) && !head->wr_callback) {
        *ref = head;
        head = head->wr_next;
    }
    if (head && !head->wr_callback &&
        (OURO_IS_TYPE(head, &ou_weakproxy_type) ||
         OURO_IS_TYPE(head, &ou_weakcallableproxy_type)))
        *proxy = head;
}

ouro_ssize ou_weakref_count(OuroObject *o)
{
    OuroObject **list = ou_weakref_list_of(o);
    ouro_ssize n = 0;
    for (OuWeakRef *r = list ? WR(*list) : NULL; r; r = r->wr_next)
        n++;
    return n;
}

/* ------------------------------------------------------------------ creation -- */

/* A weakref of type t to ob with callback (borrowed; NULL or None: none), sharing the
 * plain ref/proxy when t is exactly ref/proxy and there is no callback.
 * Returns: new reference, or NULL with TypeError (ob not weakly referenceable) or
 * MemoryError. */
static OuroObject *make_ref(OuroType *t, OuroObject *ob, OuroObject *callback)
{
    if (callback == OURO_NONE)
        callback = NULL;
    OuroObject **list = ou_weakref_list_of(ob);
    if (!list)
        return ouro_err_format(&ouro_exc_TypeError,
                               "cannot create weak reference to '%s' object",
                               OURO_TYPE(ob)->tp_name); /* the dotted name, as CPython */
    bool is_proxy = t == &ou_weakproxy_type || t == &ou_weakcallableproxy_type;
    OuWeakRef *ref, *proxy;
    basic_refs(WR(*list), &ref, &proxy);
    if (!callback && t == &ouro_weakref_type && ref)
        return OURO_NEWREF(ref);
    if (!callback && is_proxy && proxy)
        return OURO_NEWREF(proxy);
    OuWeakRef *r = (OuWeakRef *)ouro_object_alloc(t);
    if (!r)
        return NULL;
    r->hash = -1;
    r->wr_object = ob;
    r->wr_callback = callback ? OURO_NEWREF(callback) : NULL;
    /* The allocation may have run a collection that changed the list: look again. */
    basic_refs(WR(*list), &ref, &proxy);
    if (!callback && t == &ouro_weakref_type) {
        insert_head(r, list);
    } else if (!callback && is_proxy) {
        if (ref)
            insert_after(r, ref);
        else
            insert_head(r, list);
    } else {
        OuWeakRef *prev = proxy ? proxy : ref;
        if (prev)
            insert_after(r, prev);
        else
            insert_head(r, list);
    }
    ouro_gc_track((OuroObject *)r);
    return (OuroObject *)r;
}

OURO_API OuroObject *ouro_weakref_new_ref(OuroObject *ob, OuroObject *callback)
{
    return make_ref(&ouro_weakref_type, ob, callback);
}

OURO_API OuroObject *ouro_weakref_new_proxy(OuroObject *ob, OuroObject *callback)
{
    OuroType *ot = OURO_TYPE(ob);
    OuroType *t = ot->tp_call || ot->tp_vectorcall ? &ou_weakcallableproxy_type
                                                   : &ou_weakproxy_type;
    return make_ref(t, ob, callback);
}

OURO_API OuroObject *ouro_weakref_get_object(OuroObject *ref)
{
    if (!ouro_weakref_check(ref)) {
        ouro_err_bad_internal_call("ouro_weakref_get_object");
        return NULL;
    }
    OuroObject *o = WR(ref)->wr_object;
    return o ? o : OURO_NONE;
}

OURO_API OuroObject *ouro_weakref_get_ref(OuroObject *ref)
{
    OuroObject *o = ouro_weakref_get_object(ref);
    return o ? OURO_NEWREF(o) : NULL;
}

OURO_API bool ouro_weakref_check(const OuroObject *o)
{
    return ouro_object_type_check(o, &ouro_weakref_type) ||
           OURO_IS_TYPE(o, &ou_weakproxy_type) || OURO_IS_TYPE(o, &ou_weakcallableproxy_type);
}

/* ---------------------------------------------------------- death of a referent -- */

/* Calls callback(ref); reports an exception as unraisable. Never fails. */
static void call_callback(OuroObject *ref, OuroObject *callback)
{
    OuroObject *res = ouro_object_vectorcall(callback, &ref, 1, NULL);
    if (res)
        OURO_DECREF(res);
    else
        ouro_err_write_unraisable(callback);
}

void ou_weakref_clear_refs(OuroObject *o)
{
    OuroObject **list = ou_weakref_list_of(o);
    if (!list || !*list)
        return;
    OuroObject *saved = ouro_err_fetch();
    /* Clear them all first (the referent is dead to every ref before any callback
     * runs), keeping a reference to each ref that has a callback, in list order. */
    ouro_ssize n = 0;
    for (OuWeakRef *r = WR(*list); r; r = r->wr_next)
        if (r->wr_callback && r->ob_base.ob_refcnt > 0)
            n++;
    OuroObject *small[16];   /* (ref, callback) pairs: room for 8 without allocating */
    OuroObject **pending = n <= 8 ? small : ou_mem_alloc((size_t)n * 2 * sizeof(OuroObject *));
    if (!pending)
        n = 0; /* out of memory: the refs are cleared, their callbacks are lost */
    n *= 2;
    ouro_ssize k = 0;
    while (*list) {
        OuWeakRef *r = WR(*list);
        OuroObject *cb = r->wr_callback;
        r->wr_callback = NULL;
        unlink_ref(r);
        if (cb && k < n && r->ob_base.ob_refcnt > 0) {
            pending[k++] = OURO_NEWREF(r);
            pending[k++] = cb;
        } else {
            OURO_XDECREF(cb);
        }
    }
    for (ouro_ssize i = 0; i < k; i += 2) {
        call_callback(pending[i], pending[i + 1]);
        OURO_DECREF(pending[i + 1]);
        OURO_DECREF(pending[i]);
    }
    if (pending && pending != small)
        ou_mem_free(pending);
    ouro_err_restore(saved);
}

int ou_weakref_clear_for_gc(OuroObject *o, OuroObject *callbacks)
{
    OuroObject **list = ou_weakref_list_of(o);
    int n = 0, rc = 0;
    while (list && *list) {
        OuWeakRef *r = WR(*list);
        unlink_ref(r);
        n++;
        if (!r->wr_callback)
            continue;
        if (r->ob_base.ob_tinfo & OU_OBFLAG_GC_UNREACHABLE) {
            /* The ref is garbage too: its callback never runs (CPython's rule). The
             * callback itself is dropped when the collector clears the ref. */
            continue;
        }
        if (ouro_list_append(callbacks, (OuroObject *)r) < 0) {
            ouro_err_clear();
            rc = -1;
        }
    }
    if (rc < 0)
        ouro_err_no_memory();
    return rc < 0 ? -1 : n;
}

void ou_weakref_run_callback(OuroObject *ref)
{
    /* The ref keeps its callback (CPython's handle_weakrefs does: __callback__ still
     * answers, inside the callback and after); it goes when the ref goes. */
    OuroObject *cb = WR(ref)->wr_callback;
    if (!cb)
        return;
    OURO_INCREF(cb);
    OuroObject *saved = ouro_err_fetch();
    call_callback(ref, cb);
    OURO_DECREF(cb);
    ouro_err_restore(saved);
}

/* ----------------------------------------------------------------- the type -- */

static void weakref_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    unlink_ref(WR(o));
    OURO_CLEAR(WR(o)->wr_callback);
    ouro_object_free(o);
}

static int weakref_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroObject *cb = WR(o)->wr_callback;
    return cb ? visit(cb, arg) : 0;
}

static int weakref_clear(OuroObject *o)
{
    unlink_ref(WR(o));
    OURO_CLEAR(WR(o)->wr_callback);
    return 0;
}

/* ref(ob[, callback]) and subclasses (whose __init__ may take more arguments).
 * Returns: new reference, or NULL with an exception. */
static OuroObject *weakref_tp_new(OuroType *t, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize n = OURO_TUPLE_SIZE(args);
    if (n < 1 || n > 2)
        return ouro_err_format(&ouro_exc_TypeError, n < 1 ?
                               "__new__ expected at least 1 argument, got %d" :
                               "__new__ expected at most 2 arguments, got %d", (int)n);
    if (t == &ouro_weakref_type && kwargs && ouro_dict_size(kwargs) > 0)
        return ouro_err_format(&ouro_exc_TypeError, "ref() takes no keyword arguments");
    return make_ref(t, OURO_TUPLE_GET(args, 0), n > 1 ? OURO_TUPLE_GET(args, 1) : NULL);
}

static int weakref_tp_init(OuroObject *self, OuroObject *args, OuroObject *kwargs)
{
    return 0; /* everything happened in __new__ (CPython checks the arguments again) */
}

static OuroObject *weakref_vectorcall(OuroObject *callable, OuroObject *const *args,
                                      size_t nargs, OuroObject *kwnames)
{
    if (kwnames && OURO_TUPLE_SIZE(kwnames) > 0)
        return ouro_err_format(&ouro_exc_TypeError, "weakref() takes no keyword arguments");
    if (nargs != 0)
        return ouro_err_format(&ouro_exc_TypeError, "weakref expected 0 arguments, got %d",
                               (int)nargs);
    OuroObject *o = WR(callable)->wr_object;
    return OURO_NEWREF(o ? o : OURO_NONE);
}

static OuroObject *weakref_call(OuroObject *callable, OuroObject *args, OuroObject *kwargs)
{
    if (kwargs && ouro_dict_size(kwargs) > 0)
        return ouro_err_format(&ouro_exc_TypeError, "weakref() takes no keyword arguments");
    if (OURO_TUPLE_SIZE(args) != 0)
        return ouro_err_format(&ouro_exc_TypeError, "weakref expected 0 arguments, got %d",
                               (int)OURO_TUPLE_SIZE(args));
    OuroObject *o = WR(callable)->wr_object;
    return OURO_NEWREF(o ? o : OURO_NONE);
}

/* The hash of the referent, remembered so that it survives the referent (CPython). */
static ouro_hash weakref_hash(OuroObject *o)
{
    OuWeakRef *r = WR(o);
    if (r->hash != -1)
        return r->hash;
    if (!r->wr_object) {
        ouro_err_set_string(&ouro_exc_TypeError, "weak object has gone away");
        return -1;
    }
    OuroObject *ob = OURO_NEWREF(r->wr_object);
    r->hash = ouro_object_hash(ob);
    OURO_DECREF(ob);
    return r->hash;
}

/* == and != compare the referents while both are alive, identity otherwise. */
static OuroObject *weakref_richcompare(OuroObject *a, OuroObject *b, int op)
{
    if ((op != OURO_EQ && op != OURO_NE) || !ouro_object_type_check(a, &ouro_weakref_type) ||
        !ouro_object_type_check(b, &ouro_weakref_type))
        OURO_RETURN_NOTIMPLEMENTED;
    OuroObject *x = WR(a)->wr_object, *y = WR(b)->wr_object;
    if (!x || !y) {
        bool same = a == b;
        return OURO_NEWREF((op == OURO_EQ) == same ? ouro_true : ouro_false);
    }
    OURO_INCREF(x);
    OURO_INCREF(y);
    OuroObject *res = ouro_object_richcompare(x, y, op);
    OURO_DECREF(x);
    OURO_DECREF(y);
    return res;
}

static OuroObject *weakref_repr(OuroObject *o)
{
    OuroObject *ob = WR(o)->wr_object;
    const char *cls = "weakref"; /* CPython's literal, for subclasses too */
    if (!ob)
        return ouro_str_from_format("<%s at %p; dead>", cls, (void *)o);
    OURO_INCREF(ob);
    OuroObject *res = NULL;
    OuroObject *name = ouro_object_getattr_str(ob, "__name__");
    if (!name)
        ouro_err_clear();
    if (name && ouro_str_check(name))
        res = ouro_str_from_format("<%s at %p; to '%s' at %p (%U)>", cls, (void *)o,
                                   OURO_TYPE_NAME(ob), (void *)ob, name);
    else
        res = ouro_str_from_format("<%s at %p; to '%s' at %p>", cls, (void *)o,
                                   OURO_TYPE_NAME(ob), (void *)ob);
    OURO_XDECREF(name);
    OURO_DECREF(ob);
    return res;
}

static OuroObject *weakref_get_callback(OuroObject *o, void *c)
{
    OuroObject *cb = WR(o)->wr_callback;
    return OURO_NEWREF(cb ? cb : OURO_NONE);
}

static const OuroGetSetDef weakref_getset[] = {
    {"__callback__", weakref_get_callback, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static OuroObject *weakref_class_getitem(OuroObject *cls, OuroObject *arg)
{
    return OURO_NEWREF(cls); /* typing is not ours: ref[int] is ref */
}

static const OuroMethodDef weakref_methods[] = {
    {"__class_getitem__", OURO_METH(weakref_class_getitem), OURO_METH_O | OURO_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

OuroType ouro_weakref_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "weakref.ReferenceType",
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE,
    .tp_basicsize = sizeof(OuWeakRef),
    .tp_dealloc = weakref_dealloc,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_clear,
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_richcompare = weakref_richcompare,
    .tp_call = weakref_call,
    .tp_vectorcall = weakref_vectorcall,
    .tp_new = weakref_tp_new,
    .tp_init = weakref_tp_init,
    .tp_getset = weakref_getset,
    .tp_methods = weakref_methods,
};

/* For weakproxy.c: clears and frees a proxy (same layout, same list). */
void ou_weakref_dealloc_common(OuroObject *o)
{
    weakref_dealloc(o);
}
int ou_weakref_traverse_common(OuroObject *o, ouro_visitproc visit, void *arg)
{
    return weakref_traverse(o, visit, arg);
}
int ou_weakref_clear_common(OuroObject *o)
{
    return weakref_clear(o);
}
