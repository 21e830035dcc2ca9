/* tests/unit/seqtest.h — helpers shared by the sequence tests (tuple, list, range, slice):
 * object builders, a direct caller for tp_methods entries (no descriptors needed), a
 * callable test type, and the allocation-failure loop. Static: each test includes it. */
#ifndef OURO_SEQTEST_H
#define OURO_SEQTEST_H

#include "test.h"
#include "objects/objects.h"
#include "objects/sequence.h"
#include <stdarg.h>

/* A new int. */
static inline OuroObject *I(int64_t v) { return ouro_int_from_int64(v); }
/* A new int from decimal text (any size). */
static inline OuroObject *BIG(const char *s) { return ouro_int_from_string(s, strlen(s), 10); }
/* A new str. */
static inline OuroObject *S(const char *s) { return ouro_str_from_cstr(s); }

/* The C value of an int, consuming the reference; -999999 when o is NULL or not an int
 * (and the exception is cleared), so a failed call shows in the comparison. */
static inline int64_t ival(OuroObject *o)
{
    if (!o) {
        ouro_err_clear();
        return -999999;
    }
    int64_t v = ouro_int_check(o) ? ouro_int_as_int64(o) : -999999;
    OURO_DECREF(o);
    return v;
}

/* A new tuple of ints, or NULL (allocation failure). */
static inline OuroObject *tuple_of(int n, ...)
{
    OuroObject *t = ouro_tuple_new(n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; t && i < n; i++) {
        OuroObject *v = I(va_arg(ap, int));
        if (!v)
            OURO_CLEAR(t);
        else
            OURO_TUPLE_SET(t, i, v);
    }
    va_end(ap);
    return t;
}

/* A new list of ints, or NULL (allocation failure). */
static inline OuroObject *list_of(int n, ...)
{
    OuroObject *l = ouro_list_new(n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; l && i < n; i++) {
        OuroObject *v = I(va_arg(ap, int));
        if (!v)
            OURO_CLEAR(l);
        else
            OURO_LIST_SET(l, i, v);
    }
    va_end(ap);
    return l;
}

/* Calls the method `name` of o's type table directly with its calling convention:
 * args[0..nargs) positional, then one value per kwnames entry. New reference, or NULL. */
static inline OuroObject *call_method_kw(OuroObject *o, const char *name, OuroObject *const *args,
                                         ouro_ssize nargs, OuroObject *kwnames)
{
    for (OuroType *t = OURO_TYPE(o); t; t = t->tp_base) {
        for (const OuroMethodDef *m = t->tp_methods; m && m->ml_name; m++) {
            if (strcmp(m->ml_name, name) != 0)
                continue;
            if (m->ml_flags & OURO_METH_KEYWORDS)
                return ((ouro_cfunction_fast_kw)m->ml_meth)(o, args, nargs, kwnames);
            if (kwnames && OURO_TUPLE_SIZE(kwnames))
                return ouro_err_format(&ouro_exc_TypeError, "%s() takes no keyword arguments",
                                       name);
            if (m->ml_flags & OURO_METH_FASTCALL)
                return ((ouro_cfunction_fast)m->ml_meth)(o, args, nargs);
            if (m->ml_flags & OURO_METH_NOARGS) {
                if (nargs != 0)
                    return ouro_err_format(&ouro_exc_TypeError, "%s() takes no arguments", name);
                return ((ouro_cfunction)m->ml_meth)(o, NULL);
            }
            if (nargs != 1)
                return ouro_err_format(&ouro_exc_TypeError, "%s() takes exactly one argument",
                                       name);
            return ((ouro_cfunction)m->ml_meth)(o, args[0]);
        }
    }
    return ouro_err_format(&ouro_exc_AttributeError, "no method %s", name);
}

/* call_method(o, "index", n, a0, a1, ...): positional arguments, borrowed. */
static inline OuroObject *call_method(OuroObject *o, const char *name, int nargs, ...)
{
    OuroObject *args[8];
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs && i < 8; i++)
        args[i] = va_arg(ap, OuroObject *);
    va_end(ap);
    return call_method_kw(o, name, args, nargs, NULL);
}

/* As call_method, for a method returning None: 0 on success (None dropped), -1 on error. */
static inline int call_void(OuroObject *o, const char *name, int nargs, OuroObject *a0,
                            OuroObject *a1)
{
    OuroObject *args[2] = { a0, a1 };
    OuroObject *r = call_method_kw(o, name, args, nargs, NULL);
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

/* A callable C object for tests (key functions, objects with side effects): calls fn with
 * itself and its one argument; `data` is an owned reference or NULL. */
typedef struct TFunc TFunc;
struct TFunc {
    OuroObject ob_base;
    OuroObject *(*fn)(TFunc *self, OuroObject *arg);
    OuroObject *data;
    long calls;
};

static inline OuroObject *tfunc_vectorcall(OuroObject *callable, OuroObject *const *args,
                                           size_t nargs, OuroObject *kwnames)
{
    TFunc *f = (TFunc *)callable;
    if (nargs != 1)
        return ouro_err_format(&ouro_exc_TypeError, "expected 1 argument, got %zu", nargs);
    f->calls++;
    return f->fn(f, args[0]);
}

static inline void tfunc_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    OURO_XDECREF(((TFunc *)o)->data);
    ouro_object_free(o);
}

static inline int tfunc_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroObject *d = ((TFunc *)o)->data;
    return d ? visit(d, arg) : 0;
}

static inline int tfunc_clear(OuroObject *o)
{
    OURO_CLEAR(((TFunc *)o)->data);
    return 0;
}

static OuroType tfunc_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "tfunc",
    .tp_basicsize = sizeof(TFunc),
    .tp_flags = OURO_TPFLAG_GC,
    .tp_dealloc = tfunc_dealloc,
    .tp_traverse = tfunc_traverse,
    .tp_clear = tfunc_clear,
    .tp_vectorcall = tfunc_vectorcall,
};

/* A new test callable; steals data (may be NULL). */
static inline OuroObject *tfunc_new(OuroObject *(*fn)(TFunc *, OuroObject *), OuroObject *data)
{
    ouro_type_ready(&tfunc_type);
    TFunc *f = (TFunc *)ouro_object_alloc(&tfunc_type);
    if (!f) {
        OURO_XDECREF(data);
        return NULL;
    }
    f->fn = fn;
    f->data = data;
    ouro_gc_track((OuroObject *)f);
    return (OuroObject *)f;
}

/* Runs op() with the n-th allocation failing, for n = 1, 2, ... until op succeeds. op
 * builds what it needs, releases everything, and returns 0 or -1; each failure must
 * raise MemoryError (the RUN harness then catches any leak). Returns the number of
 * failing runs, or -1 (reported) when a failure raised something else or never ended. */
static inline int fail_loop(int (*op)(void))
{
    for (uint64_t n = 1; n < 100000; n++) {
        ouro_mem_fail_after(n, 0);
        int rc = op();
        ouro_mem_fail_after(0, 0);
        if (rc == 0)
            return (int)n - 1;
        if (!CHECK_RAISED(&ouro_exc_MemoryError, NULL))
            return -1;
    }
    CHECK(!"fail_loop: the operation never succeeded");
    return -1;
}

#endif
