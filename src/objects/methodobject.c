/* src/objects/methodobject.c — built-in functions and methods (builtin_function_or_method:
 * an OuroMethodDef bound to a module or an object) and bound methods (`method`: a function
 * bound to an instance). Both are called by vectorcall, without building tuples. */
#include "typeimpl.h"
#include "lang/lang.h"
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------- argument checking -- */

int ou_check_nargs(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max && min == 0)
        ouro_err_format(&ouro_exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == max && min == 1)
        ouro_err_format(&ouro_exc_TypeError, "%s() takes exactly one argument (%zu given)",
                        fname, nargs);
    else if (nargs < min)
        ouro_err_format(&ouro_exc_TypeError, "%s expected at least %zu argument%s, got %zu",
                        fname, min, min == 1 ? "" : "s", nargs);
    else
        ouro_err_format(&ouro_exc_TypeError, "%s expected at most %zu argument%s, got %zu",
                        fname, max, max == 1 ? "" : "s", nargs);
    return -1;
}

int ou_check_no_kwargs(const char *fname, OuroObject *kwnames)
{
    if (!kwnames || OURO_TUPLE_SIZE(kwnames) == 0)
        return 0;
    ouro_err_format(&ouro_exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

/* "list.append" for methods of objects, "len" for module functions. */
static void qualified_name(char *buf, size_t n, const char *tname, const char *name)
{
    if (tname)
        snprintf(buf, n, "%s.%s", tname, name);
    else
        snprintf(buf, n, "%s", name);
}

static OuroObject *call_def_body(const OuroMethodDef *def, OuroObject *self,
                                 const char *tname, OuroObject *const *args,
                                 size_t nargs, OuroObject *kwnames)
{
    char fname[200];
    int flags = def->ml_flags & ~(OURO_METH_CLASS | OURO_METH_STATIC | OU_METH_COUNTED);
    if (flags == (OURO_METH_FASTCALL | OURO_METH_KEYWORDS))
        return ((ouro_cfunction_fast_kw)(void (*)(void))def->ml_meth)(
            self, args, (ouro_ssize)nargs,
            kwnames && OURO_TUPLE_SIZE(kwnames) ? kwnames : NULL);
    qualified_name(fname, sizeof fname, tname, def->ml_name);
    if (ou_check_no_kwargs(fname, kwnames) < 0)
        return NULL;
    OuroObject *r;
    switch (flags) {
    /* NOARGS and O count a recursion level, as CPython 3.11's cfunction_vectorcall_NOARGS
     * and _O do ("CPython promises to check all non-vectorcall function calls"): the
     * depth of a RecursionError and its suffix then match CPython's. */
    case OURO_METH_NOARGS:
        if (ou_check_nargs(fname, nargs, 0, 0) < 0)
            return NULL;
        if (ou_enter_recursive_call(" while calling a Python object") < 0)
            return NULL;
        r = ((ouro_cfunction)(void (*)(void))def->ml_meth)(self, NULL);
        ou_leave_recursive_call();
        return r;
    case OURO_METH_O:
        if (ou_check_nargs(fname, nargs, 1, 1) < 0)
            return NULL;
        if (ou_enter_recursive_call(" while calling a Python object") < 0)
            return NULL;
        r = ((ouro_cfunction)(void (*)(void))def->ml_meth)(self, args[0]);
        ou_leave_recursive_call();
        return r;
    case OURO_METH_FASTCALL:
        return ((ouro_cfunction_fast)(void (*)(void))def->ml_meth)(self, args, (ouro_ssize)nargs);
    default:
        return ouro_err_bad_internal_call("method flags");
    }
}

OuroObject *ou_cfunction_call_def(const OuroMethodDef *def, OuroObject *self,
                                  const char *tname, OuroObject *const *args,
                                  size_t nargs, OuroObject *kwnames)
{
    if (!(def->ml_flags & OU_METH_COUNTED))
        return call_def_body(def, self, tname, args, nargs, kwnames);
    /* a builtin that is METH_O/NOARGS/VARARGS in CPython: count a level (see above) */
    if (ou_enter_recursive_call(" while calling a Python object") < 0)
        return NULL;
    OuroObject *r = call_def_body(def, self, tname, args, nargs, kwnames);
    ou_leave_recursive_call();
    return r;
}

/* ------------------------------------------------- builtin_function_or_method -- */

typedef struct OuCFunction {
    OuroObject ob_base;
    const OuroMethodDef *m_def;
    OuroObject *m_self;    /* owned: the bound object, a module, a type, or NULL */
    OuroObject *m_module;  /* owned: the module's name (str) or NULL */
    OuroObject *m_weakreflist; /* weak references (issue 6) */
} OuCFunction;

OuroObject *ou_cfunction_new(const OuroMethodDef *def, OuroObject *self, OuroObject *module)
{
    OuCFunction *f = (OuCFunction *)ouro_object_alloc(&ou_cfunction_type);
    if (!f)
        return NULL;
    f->m_def = def;
    f->m_self = self ? OURO_NEWREF(self) : NULL;
    f->m_module = module ? OURO_NEWREF(module) : NULL;
    ouro_gc_track((OuroObject *)f);
    return (OuroObject *)f;
}

const OuroMethodDef *ou_cfunction_get_def(OuroObject *f, OuroObject **self)
{
    *self = ((OuCFunction *)f)->m_self;
    return ((OuCFunction *)f)->m_def;
}

static int cfunction_clear(OuroObject *o)
{
    OuCFunction *f = (OuCFunction *)o;
    OURO_CLEAR(f->m_self);
    OURO_CLEAR(f->m_module);
    return 0;
}

static void cfunction_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    cfunction_clear(o);
    ouro_object_free(o);
}

static int cfunction_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuCFunction *f = (OuCFunction *)o;
    int r = 0;
    if (f->m_self && (r = visit(f->m_self, arg)))
        return r;
    if (f->m_module && (r = visit(f->m_module, arg)))
        return r;
    return 0;
}

/* The type name shown in messages: a method bound to an object says "list.append". */
static const char *cfunction_tname(OuCFunction *f)
{
    OuroObject *s = f->m_self;
    if (!s || OURO_IS_TYPE(s, &ou_module_type))
        return NULL;
    if (f->m_def->ml_flags & OURO_METH_CLASS)
        return ouro_type_name((OuroType *)s);
    return OURO_TYPE_NAME(s);
}

static OuroObject *cfunction_vectorcall(OuroObject *callable, OuroObject *const *args,
                                        size_t nargs, OuroObject *kwnames)
{
    OuCFunction *f = (OuCFunction *)callable;
    return ou_cfunction_call_def(f->m_def, f->m_self, cfunction_tname(f), args, nargs,
                                 kwnames);
}

OuroObject *ou_call_via_vectorcall(OuroObject *callable, OuroObject *args, OuroObject *kwargs)
{
    /* tp_call callers are the slow path: flatten kwargs onto one argument array. */
    ouro_vectorcallfunc vc = OURO_TYPE(callable)->tp_vectorcall;
    ouro_ssize n = OURO_TUPLE_SIZE(args), nk = kwargs ? ouro_dict_size(kwargs) : 0;
    if (nk == 0)
        return vc(callable, OURO_TUPLE_ITEMS(args), (size_t)n, NULL);
    OuroObject *names = ouro_tuple_new(nk), *r = NULL;
    OuroObject **all = ou_mem_alloc((size_t)(n + nk) * sizeof(OuroObject *));
    if (!names || !all) {
        if (!all)
            ouro_err_no_memory();
        goto done;
    }
    if (n)
        memcpy(all, OURO_TUPLE_ITEMS(args), (size_t)n * sizeof(OuroObject *));
    ouro_ssize pos = 0, i = 0;
    OuroObject *k, *v;
    while (ouro_dict_next(kwargs, &pos, &k, &v)) {
        OURO_TUPLE_SET(names, i, OURO_NEWREF(k));
        all[n + i++] = v;
    }
    r = vc(callable, all, (size_t)n, names);
done:
    OURO_XDECREF(names);
    if (all)
        ou_mem_free(all);
    return r;
}

OuroObject *ou_call_via_vectorcall_tp_call(OuroObject *callable, OuroObject *const *args,
                                           size_t nargs, OuroObject *kwnames)
{
    OuroObject *tuple = ouro_tuple_from_array(args, (ouro_ssize)nargs), *kw = NULL, *r = NULL;
    if (!tuple)
        return NULL;
    if (kwnames && OURO_TUPLE_SIZE(kwnames)) {
        if (!(kw = ouro_dict_new()))
            goto done;
        for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(kwnames); i++)
            if (ouro_dict_set_item(kw, OURO_TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0)
                goto done;
    }
    r = ouro_object_call(callable, tuple, kw);
done:
    OURO_DECREF(tuple);
    OURO_XDECREF(kw);
    return r;
}

static OuroObject *cfunction_repr(OuroObject *o)
{
    OuCFunction *f = (OuCFunction *)o;
    OuroObject *s = f->m_self;
    if (!s || OURO_IS_TYPE(s, &ou_module_type))
        return ouro_str_from_format("<built-in function %s>", f->m_def->ml_name);
    return ouro_str_from_format("<built-in method %s of %s object at %p>", f->m_def->ml_name,
                                OURO_TYPE_NAME(s), (void *)s);
}

static OuroObject *cfunction_get_name(OuroObject *o, void *c)
{
    return ouro_str_from_cstr(((OuCFunction *)o)->m_def->ml_name);
}

static OuroObject *cfunction_get_qualname(OuroObject *o, void *c)
{
    OuCFunction *f = (OuCFunction *)o;
    const char *tn = cfunction_tname(f);
    if (!tn)
        return ouro_str_from_cstr(f->m_def->ml_name);
    return ouro_str_from_format("%s.%s", tn, f->m_def->ml_name);
}

static OuroObject *cfunction_get_self(OuroObject *o, void *c)
{
    OuCFunction *f = (OuCFunction *)o;
    return OURO_NEWREF(f->m_self ? f->m_self : OURO_NONE);
}

static OuroObject *cfunction_get_doc(OuroObject *o, void *c)
{
    const char *d = ((OuCFunction *)o)->m_def->ml_doc;
    return d ? ouro_str_from_cstr(d) : OURO_NEWREF(OURO_NONE);
}

static OuroObject *cfunction_get_module(OuroObject *o, void *c)
{
    OuCFunction *f = (OuCFunction *)o;
    return OURO_NEWREF(f->m_module ? f->m_module : OURO_NONE);
}

static const OuroGetSetDef cfunction_getsets[] = {
    { "__name__", cfunction_get_name, NULL, NULL, NULL },
    { "__qualname__", cfunction_get_qualname, NULL, NULL, NULL },
    { "__self__", cfunction_get_self, NULL, NULL, NULL },
    { "__doc__", cfunction_get_doc, NULL, NULL, NULL },
    { "__module__", cfunction_get_module, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

/* Two built-in methods are equal when they wrap the same C function and are bound to the
 * same object (identity), as CPython's meth_richcompare. */
static OuroObject *cfunction_richcompare(OuroObject *a, OuroObject *b, int op)
{
    if ((op != OURO_EQ && op != OURO_NE) || !OURO_IS_TYPE(b, &ou_cfunction_type))
        return OURO_NEWREF(OURO_NOTIMPLEMENTED);
    OuCFunction *x = (OuCFunction *)a, *y = (OuCFunction *)b;
    int eq = x->m_def->ml_meth == y->m_def->ml_meth && x->m_self == y->m_self;
    return OURO_NEWREF((eq == (op == OURO_EQ)) ? OURO_TRUE : OURO_FALSE);
}

static ouro_hash cfunction_hash(OuroObject *o)
{
    OuCFunction *f = (OuCFunction *)o;
    ouro_hash h = ouro_hash_pointer((const void *)f->m_def->ml_meth) ^
                  ouro_hash_pointer(f->m_self);
    return h == -1 ? -2 : h;
}

OuroType ou_cfunction_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(OuCFunction),
    .tp_weaklistoffset = offsetof(OuCFunction, m_weakreflist), /* issue 6 */
    .tp_flags = OURO_TPFLAG_GC,
    .tp_dealloc = cfunction_dealloc,
    .tp_traverse = cfunction_traverse,
    .tp_clear = cfunction_clear,
    .tp_repr = cfunction_repr,
    .tp_hash = cfunction_hash,
    .tp_richcompare = cfunction_richcompare,
    .tp_call = ou_call_via_vectorcall,
    .tp_vectorcall = cfunction_vectorcall,
    .tp_getattro = ouro_object_generic_getattr,
    .tp_getset = cfunction_getsets,
};

/* ------------------------------------------------------------------- method -- */

typedef struct OuMethod {
    OuroObject ob_base;
    OuroObject *im_func;   /* owned */
    OuroObject *im_self;   /* owned */
    OuroObject *im_weakreflist; /* weak references (issue 6) */
} OuMethod;

OuroObject *ou_method_new(OuroObject *func, OuroObject *self)
{
    OuMethod *m = (OuMethod *)ouro_object_alloc(&ou_method_type);
    if (!m)
        return NULL;
    m->im_func = OURO_NEWREF(func);
    m->im_self = OURO_NEWREF(self);
    ouro_gc_track((OuroObject *)m);
    return (OuroObject *)m;
}

static int method_clear(OuroObject *o)
{
    OuMethod *m = (OuMethod *)o;
    OURO_CLEAR(m->im_func);
    OURO_CLEAR(m->im_self);
    return 0;
}

static void method_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    method_clear(o);
    ouro_object_free(o);
}

static int method_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuMethod *m = (OuMethod *)o;
    int r = 0;
    if (m->im_func && (r = visit(m->im_func, arg)))
        return r;
    if (m->im_self && (r = visit(m->im_self, arg)))
        return r;
    return 0;
}

/* Calls func(self, *args): self goes in front of the arguments, on the C stack when
 * they are few (the common case), else in a heap buffer. */
static OuroObject *method_vectorcall(OuroObject *callable, OuroObject *const *args,
                                     size_t nargs, OuroObject *kwnames)
{
    OuMethod *m = (OuMethod *)callable;
    size_t total = nargs + (kwnames ? (size_t)OURO_TUPLE_SIZE(kwnames) : 0);
    OuroObject *small[8], **buf = small;
    if (total + 1 > OU_ARRAY_LEN(small)) {
        buf = ou_mem_alloc((total + 1) * sizeof(OuroObject *));
        if (!buf)
            return ouro_err_no_memory();
    }
    buf[0] = m->im_self;
    if (total)
        memcpy(buf + 1, args, total * sizeof(OuroObject *));
    /* Hold the parts: the call may drop the last other reference to this method. */
    OuroObject *func = OURO_NEWREF(m->im_func), *self = OURO_NEWREF(m->im_self);
    OuroObject *r = ouro_object_vectorcall(func, buf, nargs + 1, kwnames);
    OURO_DECREF(func);
    OURO_DECREF(self);
    if (buf != small)
        ou_mem_free(buf);
    return r;
}

static OuroObject *method_call(OuroObject *callable, OuroObject *args, OuroObject *kwargs)
{
    OuMethod *m = (OuMethod *)callable;
    ouro_ssize n = OURO_TUPLE_SIZE(args);
    OuroObject *all = ouro_tuple_new(n + 1);
    if (!all)
        return NULL;
    OURO_TUPLE_SET(all, 0, OURO_NEWREF(m->im_self));
    for (ouro_ssize i = 0; i < n; i++)
        OURO_TUPLE_SET(all, i + 1, OURO_NEWREF(OURO_TUPLE_GET(args, i)));
    OuroObject *r = ouro_object_call(m->im_func, all, kwargs);
    OURO_DECREF(all);
    return r;
}

/* "<bound method C.f of <__main__.C object at 0x...>>": the function's __qualname__
 * (or __name__), and repr(self). */
static OuroObject *method_repr(OuroObject *o)
{
    OuMethod *m = (OuMethod *)o;
    OuroObject *name = ouro_object_getattr_str(m->im_func, "__qualname__");
    if (!name) {
        if (!ouro_err_matches(&ouro_exc_AttributeError))
            return NULL;
        ouro_err_clear();
        name = ouro_object_getattr_str(m->im_func, "__name__");
        if (!name) {
            if (!ouro_err_matches(&ouro_exc_AttributeError))
                return NULL;
            ouro_err_clear();
        }
    }
    OuroObject *r;
    if (name && ouro_str_check(name))
        r = ouro_str_from_format("<bound method %U of %R>", name, m->im_self);
    else
        r = ouro_str_from_format("<bound method ? of %R>", m->im_self);
    OURO_XDECREF(name);
    return r;
}

/* Equal when bound to the same object (identity) and their functions are equal. */
static OuroObject *method_richcompare(OuroObject *a, OuroObject *b, int op)
{
    if ((op != OURO_EQ && op != OURO_NE) || !OURO_IS_TYPE(b, &ou_method_type))
        return OURO_NEWREF(OURO_NOTIMPLEMENTED);
    OuMethod *x = (OuMethod *)a, *y = (OuMethod *)b;
    int eq = 0;
    if (x->im_self == y->im_self) {
        eq = ouro_object_richcompare_bool(x->im_func, y->im_func, OURO_EQ);
        if (eq < 0)
            return NULL;
    }
    return OURO_NEWREF((eq == (op == OURO_EQ)) ? OURO_TRUE : OURO_FALSE);
}

static ouro_hash method_hash(OuroObject *o)
{
    OuMethod *m = (OuMethod *)o;
    ouro_hash h = ouro_object_hash(m->im_func);
    if (h == -1)
        return -1;
    h ^= ouro_hash_pointer(m->im_self);
    return h == -1 ? -2 : h;
}

/* Attributes not found on the method come from its function (m.__name__, m.__doc__). New
 * reference, or NULL. */
static OuroObject *method_getattro(OuroObject *o, OuroObject *name)
{
    /* __doc__ is the function's, as CPython's method getset: the type's own __doc__
     * (None) would shadow it. */
    if (ouro_str_equal_cstr(name, "__doc__"))
        return ouro_object_getattr(((OuMethod *)o)->im_func, name);
    OuroObject *r = ou_generic_getattr_ex(o, name, NULL, 1);
    if (r || ouro_err_occurred())
        return r;
    return ouro_object_getattr(((OuMethod *)o)->im_func, name);
}

static const OuroMemberDef method_members[] = {
    { "__func__", OURO_MEMBER_OBJECT, offsetof(OuMethod, im_func), OURO_MEMBER_READONLY,
      "the function (or other callable) implementing a method" },
    { "__self__", OURO_MEMBER_OBJECT, offsetof(OuMethod, im_self), OURO_MEMBER_READONLY,
      "the instance to which a method is bound" },
    { NULL, 0, 0, 0, NULL },
};

/* A bound method bound again (C.f.__get__) stays as it is, as CPython. */
static OuroObject *method_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    return OURO_NEWREF(self);
}

OuroType ou_method_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "method",
    .tp_basicsize = sizeof(OuMethod),
    .tp_weaklistoffset = offsetof(OuMethod, im_weakreflist), /* issue 6 */
    .tp_flags = OURO_TPFLAG_GC,
    .tp_dealloc = method_dealloc,
    .tp_traverse = method_traverse,
    .tp_clear = method_clear,
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_richcompare = method_richcompare,
    .tp_call = method_call,
    .tp_vectorcall = method_vectorcall,
    .tp_getattro = method_getattro,
    .tp_descr_get = method_descr_get,
    .tp_members = method_members,
};
