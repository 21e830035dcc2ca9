/* tests/unit/dictset_util.h — helpers shared by test_dict.c and test_set.c: a keep-list
 * for temporaries (released at the end of each test, so the leak check stays exact),
 * object makers, and a direct caller of a type's tp_methods (the attribute machinery
 * that binds methods is the language layer's). */
#ifndef OURO_DICTSET_UTIL_H
#define OURO_DICTSET_UTIL_H

#include "test.h"
#include "objects/dictobject.h"

#include <stdarg.h>
#include <string.h>

static OuroObject *kept[1 << 20];
static int nkept;

/* Keeps o (a new reference, may be NULL) until drop_all(); returns it. */
static inline OuroObject *K(OuroObject *o)
{
    if (o && nkept < (int)OU_ARRAY_LEN(kept))
        kept[nkept++] = o;
    return o;
}

static inline void drop_all(void)
{
    while (nkept > 0)
        OURO_DECREF(kept[--nkept]);
}

static inline OuroObject *I(int64_t v) { return K(ouro_int_from_int64(v)); }
static inline OuroObject *S(const char *s) { return K(ouro_str_from_cstr(s)); }
static inline OuroObject *F(double v) { return K(ouro_float_from_double(v)); }
static inline OuroObject *T2(OuroObject *a, OuroObject *b) { return K(ouro_tuple_pack(2, a, b)); }

/* A list of the given ints. */
static inline OuroObject *LI(int n, ...)
{
    OuroObject *l = K(ouro_list_new(0));
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        ouro_list_append(l, I(va_arg(ap, int)));
    va_end(ap);
    return l;
}

/* Calls method `name` of type t's tp_methods on self with the given arguments (and
 * keyword names, whose values follow args[nargs-1]). New reference or NULL. */
static inline OuroObject *call_method(OuroType *t, OuroObject *self, const char *name,
                               OuroObject *const *args, ouro_ssize nargs, OuroObject *kwnames)
{
    for (const OuroMethodDef *m = t->tp_methods; m && m->ml_name; m++) {
        if (strcmp(m->ml_name, name) != 0)
            continue;
        int f = m->ml_flags & ~(OURO_METH_CLASS | OURO_METH_STATIC);
        if (f == OURO_METH_NOARGS) {
            if (nargs != 0)
                return ouro_err_format(&ouro_exc_TypeError, "%s() takes no arguments", name);
            return ((ouro_cfunction)m->ml_meth)(self, NULL);
        }
        if (f == OURO_METH_O) {
            if (nargs != 1)
                return ouro_err_format(&ouro_exc_TypeError, "%s() takes exactly one argument",
                                       name);
            return ((ouro_cfunction)m->ml_meth)(self, args[0]);
        }
        if (f == OURO_METH_FASTCALL)
            return ((ouro_cfunction_fast)m->ml_meth)(self, args, nargs);
        if (f == (OURO_METH_FASTCALL | OURO_METH_KEYWORDS))
            return ((ouro_cfunction_fast_kw)m->ml_meth)(self, args, nargs, kwnames);
        return ouro_err_format(&ouro_exc_SystemError, "bad flags for %s", name);
    }
    return ouro_err_format(&ouro_exc_AttributeError, "'%s' object has no attribute '%s'",
                           t->tp_name, name);
}

/* self.name(args...): M(d, "get", 2, key, deflt). New reference or NULL. */
static inline OuroObject *M(OuroObject *self, const char *name, int nargs, ...)
{
    OuroObject *args[8];
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs && i < 8; i++)
        args[i] = va_arg(ap, OuroObject *);
    va_end(ap);
    return call_method(OURO_TYPE(self), self, name, args, nargs, NULL);
}

/* repr as a C string kept alive until drop_all ("<error>" on failure, cleared). */
static inline const char *R(OuroObject *o)
{
    OuroObject *r = K(ouro_object_repr(o));
    if (!r) {
        ouro_err_clear();
        return "<error>";
    }
    return ouro_str_utf8(r);
}

/* Calls type(*args, **kwds) the way type_call does: tp_new, then tp_init. */
static inline OuroObject *construct(OuroType *t, OuroObject *args, OuroObject *kwds)
{
    OuroObject *o = t->tp_new(t, args, kwds);
    if (o && t->tp_init && OURO_IS_TYPE(o, t) && t->tp_init(o, args, kwds) < 0)
        OURO_CLEAR(o);
    return o;
}

/* Evil: objects that all hash alike and compare by their value; the comparison first
 * empties evil_victim (a dict or set) when set, as a Python __eq__ could. */
typedef struct Evil {
    OuroObject ob_base;
    int64_t v;
} Evil;
static OuroObject *evil_victim;
static int evil_compares;

static inline ouro_hash evil_hash(OuroObject *o) { return 42; }

static inline OuroObject *evil_richcompare(OuroObject *a, OuroObject *b, int op);

static inline void evil_dealloc(OuroObject *o) { ouro_object_free(o); }

static OuroType evil_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "Evil",
    .tp_basicsize = sizeof(Evil),
    .tp_dealloc = evil_dealloc,
    .tp_hash = evil_hash,
    .tp_richcompare = evil_richcompare,
};

static inline OuroObject *evil_richcompare(OuroObject *a, OuroObject *b, int op)
{
    evil_compares++;
    OuroObject *victim = evil_victim;
    if (victim) {
        evil_victim = NULL;
        if (ouro_dict_check(victim))
            ouro_dict_clear(victim);
        else
            ouro_set_clear(victim);
    }
    if (!OURO_IS_TYPE(b, &evil_type) || op != OURO_EQ)
        OURO_RETURN_NOTIMPLEMENTED;
    return OURO_NEWREF(((Evil *)a)->v == ((Evil *)b)->v ? OURO_TRUE : OURO_FALSE);
}

static inline OuroObject *EV(int64_t v)
{
    ouro_type_ready(&evil_type);
    Evil *e = (Evil *)ouro_object_alloc(&evil_type);
    if (e)
        e->v = v;
    return K((OuroObject *)e);
}

/* Fails the allocation n from now; for loops over n = 1, 2, ... */
#define FAIL_AT(n) ouro_mem_fail_after((n), 0)
#define FAIL_OFF() ouro_mem_fail_after(0, 0)

#endif
