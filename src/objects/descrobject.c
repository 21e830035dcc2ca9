/* src/objects/descrobject.c — the descriptors a type's dict holds for what C defines:
 * method_descriptor (tp_methods), classmethod_descriptor (METH_CLASS), member_descriptor
 * (tp_members: fixed fields, __slots__), getset_descriptor (tp_getset), wrapper_descriptor
 * (a C slot shown as a dunder, int.__add__) and method-wrapper (one bound to an object). */
#include "typeimpl.h"
#include "lang/lang.h"
#include <string.h>

#define DESCR(o) ((OuDescr *)(o))

/* ---------------------------------------------------------------- the common part -- */

static OuroObject *descr_alloc(OuroType *dtype, OuroType *t, const char *name)
{
    OuroObject *n = ouro_str_intern_cstr(name);
    if (!n)
        return NULL;
    OuDescr *d = (OuDescr *)ouro_object_alloc(dtype);
    if (!d) {
        OURO_DECREF(n);
        return NULL;
    }
    d->d_type = (OuroType *)OURO_NEWREF(t);
    d->d_name = n;
    ouro_gc_track((OuroObject *)d);
    return (OuroObject *)d;
}

static int descr_clear(OuroObject *o)
{
    OURO_CLEAR(DESCR(o)->d_type);
    OURO_CLEAR(DESCR(o)->d_name);
    return 0;
}

static void descr_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    descr_clear(o);
    ouro_object_free(o);
}

static int descr_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuDescr *d = DESCR(o);
    return d->d_type ? visit((OuroObject *)d->d_type, arg) : 0;
}

/* Checks that obj may use descriptor d (an instance of its type). 0, or -1 with
 * "descriptor 'x' for 'T' objects doesn't apply to a 'U' object". */
static int descr_check(OuDescr *d, OuroObject *obj)
{
    if (ouro_object_type_check(obj, d->d_type))
        return 0;
    ouro_err_format(&ouro_exc_TypeError,
                    "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                    d->d_name, ouro_type_name(d->d_type), OURO_TYPE_NAME(obj));
    return -1;
}

static OuroObject *descr_get_name(OuroObject *o, void *c) { return OURO_NEWREF(DESCR(o)->d_name); }

static OuroObject *descr_get_qualname(OuroObject *o, void *c)
{
    return ouro_str_from_format("%s.%U", ouro_type_name(DESCR(o)->d_type), DESCR(o)->d_name);
}

static OuroObject *descr_get_objclass(OuroObject *o, void *c)
{
    return OURO_NEWREF(DESCR(o)->d_type);
}

static OuroObject *doc_or_none(const char *doc)
{
    return doc ? ouro_str_from_cstr(doc) : OURO_NEWREF(OURO_NONE);
}

static OuroObject *method_get_doc(OuroObject *o, void *c) { return doc_or_none(DESCR(o)->d.method->ml_doc); }
static OuroObject *member_get_doc(OuroObject *o, void *c) { return doc_or_none(DESCR(o)->d.member->doc); }
static OuroObject *getset_get_doc(OuroObject *o, void *c) { return doc_or_none(DESCR(o)->d.getset->doc); }
static OuroObject *wrapper_get_doc(OuroObject *o, void *c) { return doc_or_none(DESCR(o)->d.slot->doc); }

#define DESCR_GETSETS(docfn) { \
    { "__name__", descr_get_name, NULL, NULL, NULL }, \
    { "__qualname__", descr_get_qualname, NULL, NULL, NULL }, \
    { "__objclass__", descr_get_objclass, NULL, NULL, NULL }, \
    { "__doc__", docfn, NULL, NULL, NULL }, \
    { NULL, NULL, NULL, NULL, NULL } }

static const OuroGetSetDef method_getsets[] = DESCR_GETSETS(method_get_doc);
static const OuroGetSetDef member_getsets[] = DESCR_GETSETS(member_get_doc);
static const OuroGetSetDef getset_getsets[] = DESCR_GETSETS(getset_get_doc);
static const OuroGetSetDef wrapper_getsets[] = DESCR_GETSETS(wrapper_get_doc);

#define DESCR_TYPE_COMMON(T, name) \
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE), \
    .tp_name = name, \
    .tp_basicsize = sizeof(OuDescr), \
    .tp_flags = OURO_TPFLAG_GC | (T), \
    .tp_dealloc = descr_dealloc, \
    .tp_traverse = descr_traverse, \
    .tp_clear = descr_clear, \
    .tp_getattro = ouro_object_generic_getattr, \
    .tp_call = ou_call_via_vectorcall

/* ----------------------------------------------------------- method_descriptor -- */

OuroObject *ou_descr_new_method(OuroType *t, const OuroMethodDef *def)
{
    OuroType *dt = (def->ml_flags & OURO_METH_CLASS) ? &ou_classmethod_descr_type
                                                      : &ou_method_descr_type;
    OuroObject *d = descr_alloc(dt, t, def->ml_name);
    if (d)
        DESCR(d)->d.method = def;
    return d;
}

static OuroObject *method_descr_repr(OuroObject *o)
{
    return ouro_str_from_format("<method '%U' of '%s' objects>", DESCR(o)->d_name,
                                ouro_type_name(DESCR(o)->d_type));
}

static OuroObject *method_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    if (!obj)
        return OURO_NEWREF(self);
    if (descr_check(DESCR(self), obj) < 0)
        return NULL;
    return ou_cfunction_new(DESCR(self)->d.method, obj, NULL);
}

static OuroObject *method_descr_vectorcall(OuroObject *callable, OuroObject *const *args,
                                           size_t nargs, OuroObject *kwnames)
{
    OuDescr *d = DESCR(callable);
    if (nargs < 1)
        return ouro_err_format(&ouro_exc_TypeError, "unbound method %s.%U() needs an argument",
                               ouro_type_name(d->d_type), d->d_name);
    if (descr_check(d, args[0]) < 0)
        return NULL;
    return ou_cfunction_call_def(d->d.method, args[0], OURO_TYPE_NAME(args[0]), args + 1,
                                 nargs - 1, kwnames);
}

OuroType ou_method_descr_type = {
    DESCR_TYPE_COMMON(OURO_TPFLAG_METHOD_DESCRIPTOR, "method_descriptor"),
    .tp_repr = method_descr_repr,
    .tp_vectorcall = method_descr_vectorcall,
    .tp_descr_get = method_descr_get,
    .tp_getset = method_getsets,
};

/* ------------------------------------------------------ classmethod_descriptor -- */

static OuroObject *classmethod_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    OuDescr *d = DESCR(self);
    if (!type || type == OURO_NONE)
        type = (OuroObject *)OURO_TYPE(obj);
    if (!ouro_object_type_check(type, &ouro_type_type))
        return ouro_err_format(&ouro_exc_TypeError,
                               "descriptor '%U' for type '%s' needs a type, not a '%s' as arg 2",
                               d->d_name, ouro_type_name(d->d_type), OURO_TYPE_NAME(type));
    if (!ouro_type_is_subtype((OuroType *)type, d->d_type))
        return ouro_err_format(&ouro_exc_TypeError,
                               "descriptor '%U' requires a subtype of '%s' but received '%s'",
                               d->d_name, ouro_type_name(d->d_type),
                               ouro_type_name((OuroType *)type));
    return ou_cfunction_new(d->d.method, type, NULL);
}

static OuroObject *classmethod_descr_vectorcall(OuroObject *callable, OuroObject *const *args,
                                                size_t nargs, OuroObject *kwnames)
{
    OuDescr *d = DESCR(callable);
    if (nargs < 1)
        return ouro_err_format(&ouro_exc_TypeError,
                               "descriptor '%U' of '%s' object needs an argument",
                               d->d_name, ouro_type_name(d->d_type));
    OuroObject *bound = classmethod_descr_get(callable, NULL, args[0]);
    if (!bound)
        return NULL;
    OuroObject *r = ouro_object_vectorcall(bound, args + 1, nargs - 1, kwnames);
    OURO_DECREF(bound);
    return r;
}

OuroType ou_classmethod_descr_type = {
    DESCR_TYPE_COMMON(0, "classmethod_descriptor"),
    .tp_repr = method_descr_repr,
    .tp_vectorcall = classmethod_descr_vectorcall,
    .tp_descr_get = classmethod_descr_get,
    .tp_getset = method_getsets,
};

/* ----------------------------------------------------------- member_descriptor -- */

OuroObject *ou_descr_new_member(OuroType *t, const OuroMemberDef *def)
{
    OuroObject *d = descr_alloc(&ou_member_descr_type, t, def->name);
    if (d)
        DESCR(d)->d.member = def;
    return d;
}

static OuroObject *member_descr_repr(OuroObject *o)
{
    return ouro_str_from_format("<member '%U' of '%s' objects>", DESCR(o)->d_name,
                                ouro_type_name(DESCR(o)->d_type));
}

static OuroObject *member_read(OuroObject *obj, const OuroMemberDef *m)
{
    char *p = (char *)obj + m->offset;
    switch (m->type) {
    case OURO_MEMBER_OBJECT: {
        OuroObject *v = *(OuroObject **)(void *)p;
        return OURO_NEWREF(v ? v : OURO_NONE);
    }
    case OURO_MEMBER_OBJECT_EX: {
        OuroObject *v = *(OuroObject **)(void *)p;
        if (!v)
            return ouro_err_format(&ouro_exc_AttributeError,
                                   "'%s' object has no attribute '%s'", OURO_TYPE_NAME(obj),
                                   m->name);
        return OURO_NEWREF(v);
    }
    case OURO_MEMBER_INT64:
        return ouro_int_from_int64(*(int64_t *)(void *)p);
    case OURO_MEMBER_DOUBLE:
        return ouro_float_from_double(*(double *)(void *)p);
    case OURO_MEMBER_BOOL:
        return OURO_NEWREF(*(uint8_t *)p ? OURO_TRUE : OURO_FALSE);
    default:
        return ouro_err_bad_internal_call("member type");
    }
}

static OuroObject *member_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    if (!obj)
        return OURO_NEWREF(self);
    if (descr_check(DESCR(self), obj) < 0)
        return NULL;
    return member_read(obj, DESCR(self)->d.member);
}

static int member_write_object(OuroObject *obj, const OuroMemberDef *m, OuroObject *value)
{
    OuroObject **slot = (OuroObject **)(void *)((char *)obj + m->offset);
    if (!value && m->type == OURO_MEMBER_OBJECT_EX && !*slot) {
        ouro_err_set_string(&ouro_exc_AttributeError, m->name);
        return -1;
    }
    OURO_SETREF(*slot, value ? OURO_NEWREF(value) : NULL);
    return 0;
}

static int member_descr_set(OuroObject *self, OuroObject *obj, OuroObject *value)
{
    const OuroMemberDef *m = DESCR(self)->d.member;
    if (descr_check(DESCR(self), obj) < 0)
        return -1;
    if (m->flags & OURO_MEMBER_READONLY) {
        ouro_err_set_string(&ouro_exc_AttributeError, "readonly attribute");
        return -1;
    }
    if (m->type == OURO_MEMBER_OBJECT || m->type == OURO_MEMBER_OBJECT_EX)
        return member_write_object(obj, m, value);
    if (!value) {
        ouro_err_set_string(&ouro_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    char *p = (char *)obj + m->offset;
    if (m->type == OURO_MEMBER_DOUBLE) {
        double d = ouro_float_as_double(value);
        if (d == -1.0 && ouro_err_occurred())
            return -1;
        *(double *)(void *)p = d;
        return 0;
    }
    if (m->type == OURO_MEMBER_BOOL) {
        if (!ouro_bool_check(value)) {
            ouro_err_set_string(&ouro_exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(uint8_t *)p = value == OURO_TRUE;
        return 0;
    }
    ouro_ssize v = ouro_number_as_ssize(value, &ouro_exc_OverflowError);
    if (v == -1 && ouro_err_occurred())
        return -1;
    *(int64_t *)(void *)p = v;
    return 0;
}

OuroType ou_member_descr_type = {
    DESCR_TYPE_COMMON(0, "member_descriptor"),
    .tp_repr = member_descr_repr,
    .tp_descr_get = member_descr_get,
    .tp_descr_set = member_descr_set,
    .tp_getset = member_getsets,
};

/* ----------------------------------------------------------- getset_descriptor -- */

OuroObject *ou_descr_new_getset(OuroType *t, const OuroGetSetDef *def)
{
    OuroObject *d = descr_alloc(&ou_getset_descr_type, t, def->name);
    if (d)
        DESCR(d)->d.getset = def;
    return d;
}

static OuroObject *getset_descr_repr(OuroObject *o)
{
    return ouro_str_from_format("<attribute '%U' of '%s' objects>", DESCR(o)->d_name,
                                ouro_type_name(DESCR(o)->d_type));
}

static OuroObject *getset_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    const OuroGetSetDef *g = DESCR(self)->d.getset;
    if (!obj)
        return OURO_NEWREF(self);
    if (descr_check(DESCR(self), obj) < 0)
        return NULL;
    if (!g->get)
        return ouro_err_format(&ouro_exc_AttributeError,
                               "attribute '%U' of '%s' objects is not readable",
                               DESCR(self)->d_name, ouro_type_name(DESCR(self)->d_type));
    return g->get(obj, g->closure);
}

static int getset_descr_set(OuroObject *self, OuroObject *obj, OuroObject *value)
{
    const OuroGetSetDef *g = DESCR(self)->d.getset;
    if (descr_check(DESCR(self), obj) < 0)
        return -1;
    if (!g->set) {
        ouro_err_format(&ouro_exc_AttributeError, "attribute '%U' of '%s' objects is not writable",
                        DESCR(self)->d_name, ouro_type_name(DESCR(self)->d_type));
        return -1;
    }
    return g->set(obj, value, g->closure);
}

OuroType ou_getset_descr_type = {
    DESCR_TYPE_COMMON(0, "getset_descriptor"),
    .tp_repr = getset_descr_repr,
    .tp_descr_get = getset_descr_get,
    .tp_descr_set = getset_descr_set,
    .tp_getset = getset_getsets,
};

/* ---------------------------------------------------------- wrapper_descriptor -- */

OuroObject *ou_descr_new_wrapper(OuroType *t, const OuSlotDef *slot, void *wrapped)
{
    OuroObject *d = descr_alloc(&ou_wrapper_descr_type, t, slot->name);
    if (d) {
        DESCR(d)->d.slot = slot;
        DESCR(d)->d_wrapped = wrapped;
    }
    return d;
}

static OuroObject *wrapper_descr_repr(OuroObject *o)
{
    return ouro_str_from_format("<slot wrapper '%U' of '%s' objects>", DESCR(o)->d_name,
                                ouro_type_name(DESCR(o)->d_type));
}

/* Calls the slot behind d with self; only __init__ and __call__ take keywords. */
static OuroObject *wrapper_call(OuDescr *d, OuroObject *self, OuroObject *const *args,
                                size_t nargs, OuroObject *kwnames)
{
    const char *n = d->d.slot->name;
    if (kwnames && OURO_TUPLE_SIZE(kwnames) && strcmp(n, "__init__") != 0 &&
        strcmp(n, "__call__") != 0)
        return ouro_err_format(&ouro_exc_TypeError, "wrapper %s() takes no keyword arguments",
                               n);
    return d->d.slot->wrapper(self, args, (ouro_ssize)nargs, kwnames, d->d_wrapped);
}

static OuroObject *wrapper_descr_vectorcall(OuroObject *callable, OuroObject *const *args,
                                            size_t nargs, OuroObject *kwnames)
{
    OuDescr *d = DESCR(callable);
    if (nargs < 1)
        return ouro_err_format(&ouro_exc_TypeError,
                               "descriptor '%U' of '%s' object needs an argument",
                               d->d_name, ouro_type_name(d->d_type));
    if (!ouro_object_type_check(args[0], d->d_type))
        return ouro_err_format(&ouro_exc_TypeError,
                               "descriptor '%U' requires a '%s' object but received a '%s'",
                               d->d_name, ouro_type_name(d->d_type), OURO_TYPE_NAME(args[0]));
    return wrapper_call(d, args[0], args + 1, nargs - 1, kwnames);
}

typedef struct OuMethodWrapper {
    OuroObject ob_base;
    OuroObject *mw_descr;  /* owned wrapper_descriptor */
    OuroObject *mw_self;   /* owned */
} OuMethodWrapper;

static OuroObject *wrapper_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    if (!obj)
        return OURO_NEWREF(self);
    if (descr_check(DESCR(self), obj) < 0)
        return NULL;
    OuMethodWrapper *w = (OuMethodWrapper *)ouro_object_alloc(&ou_method_wrapper_type);
    if (!w)
        return NULL;
    w->mw_descr = OURO_NEWREF(self);
    w->mw_self = OURO_NEWREF(obj);
    ouro_gc_track((OuroObject *)w);
    return (OuroObject *)w;
}

OuroType ou_wrapper_descr_type = {
    DESCR_TYPE_COMMON(OURO_TPFLAG_METHOD_DESCRIPTOR, "wrapper_descriptor"),
    .tp_repr = wrapper_descr_repr,
    .tp_vectorcall = wrapper_descr_vectorcall,
    .tp_descr_get = wrapper_descr_get,
    .tp_getset = wrapper_getsets,
};

/* ------------------------------------------------------------- method-wrapper -- */

static int mw_clear(OuroObject *o)
{
    OuMethodWrapper *w = (OuMethodWrapper *)o;
    OURO_CLEAR(w->mw_descr);
    OURO_CLEAR(w->mw_self);
    return 0;
}

static void mw_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    mw_clear(o);
    ouro_object_free(o);
}

static int mw_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuMethodWrapper *w = (OuMethodWrapper *)o;
    int r = 0;
    if (w->mw_descr && (r = visit(w->mw_descr, arg)))
        return r;
    return w->mw_self ? visit(w->mw_self, arg) : 0;
}

static OuroObject *mw_repr(OuroObject *o)
{
    OuMethodWrapper *w = (OuMethodWrapper *)o;
    return ouro_str_from_format("<method-wrapper '%U' of %s object at %p>",
                                DESCR(w->mw_descr)->d_name, OURO_TYPE_NAME(w->mw_self),
                                (void *)w->mw_self);
}

static OuroObject *mw_vectorcall(OuroObject *callable, OuroObject *const *args, size_t nargs,
                                 OuroObject *kwnames)
{
    OuMethodWrapper *w = (OuMethodWrapper *)callable;
    return wrapper_call(DESCR(w->mw_descr), w->mw_self, args, nargs, kwnames);
}

static OuroObject *mw_richcompare(OuroObject *a, OuroObject *b, int op)
{
    if ((op != OURO_EQ && op != OURO_NE) || !OURO_IS_TYPE(b, &ou_method_wrapper_type))
        return OURO_NEWREF(OURO_NOTIMPLEMENTED);
    OuMethodWrapper *x = (OuMethodWrapper *)a, *y = (OuMethodWrapper *)b;
    int eq = x->mw_descr == y->mw_descr && x->mw_self == y->mw_self;
    return OURO_NEWREF((eq == (op == OURO_EQ)) ? OURO_TRUE : OURO_FALSE);
}

static ouro_hash mw_hash(OuroObject *o)
{
    OuMethodWrapper *w = (OuMethodWrapper *)o;
    ouro_hash h = ouro_hash_pointer(w->mw_self) ^ ouro_hash_pointer(w->mw_descr);
    return h == -1 ? -2 : h;
}

static OuroObject *mw_get_self(OuroObject *o, void *c)
{
    return OURO_NEWREF(((OuMethodWrapper *)o)->mw_self);
}

static OuroObject *mw_get_name(OuroObject *o, void *c)
{
    return OURO_NEWREF(DESCR(((OuMethodWrapper *)o)->mw_descr)->d_name);
}

static const OuroGetSetDef mw_getsets[] = {
    { "__self__", mw_get_self, NULL, NULL, NULL },
    { "__name__", mw_get_name, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

OuroType ou_method_wrapper_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(OuMethodWrapper),
    .tp_flags = OURO_TPFLAG_GC,
    .tp_dealloc = mw_dealloc,
    .tp_traverse = mw_traverse,
    .tp_clear = mw_clear,
    .tp_repr = mw_repr,
    .tp_hash = mw_hash,
    .tp_richcompare = mw_richcompare,
    .tp_vectorcall = mw_vectorcall,
    .tp_call = ou_call_via_vectorcall,
    .tp_getattro = ouro_object_generic_getattr,
    .tp_getset = mw_getsets,
};
