/* src/objects/funcdescr.c — the descriptors classes use on their functions: property
 * (getter/setter/deleter with CPython 3.11's messages), staticmethod and classmethod
 * (which wrap any callable). */
#include "typeimpl.h"
#include "lang/lang.h"
#include <string.h>

/* Parses up to max arguments named names[] from a tuple and a dict, as
 * PyArg_ParseTupleAndKeywords does for these constructors. out[] borrowed or NULL. */
static int parse_args(const char *fname, OuroObject *args, OuroObject *kwargs,
                      const char *const *names, int max, OuroObject **out)
{
    ouro_ssize n = OURO_TUPLE_SIZE(args);
    ouro_ssize nk = kwargs ? ouro_dict_size(kwargs) : 0;
    if (n + nk > max) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes at most %d arguments (%zd given)",
                        fname, max, n + nk);
        return -1;
    }
    for (int i = 0; i < max; i++)
        out[i] = i < n ? OURO_TUPLE_GET(args, i) : NULL;
    ouro_ssize pos = 0;
    OuroObject *k, *v;
    while (nk && ouro_dict_next(kwargs, &pos, &k, &v)) {
        int i = 0;
        while (i < max && !(ouro_str_check(k) && ouro_str_equal_cstr(k, names[i])))
            i++;
        if (i == max) {
            ouro_err_format(&ouro_exc_TypeError, "'%S' is an invalid keyword argument for %s()",
                            k, fname);
            return -1;
        }
        if (out[i]) {
            ouro_err_format(&ouro_exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                            fname, names[i], i + 1);
            return -1;
        }
        out[i] = v;
    }
    return 0;
}

/* ------------------------------------------------------------------- property -- */

typedef struct OuProperty {
    OuroObject ob_base;
    OuroObject *fget, *fset, *fdel, *doc, *name; /* owned or NULL */
    int getter_doc;  /* doc came from fget.__doc__ (then getter() copies the new one) */
} OuProperty;

#define PROP(o) ((OuProperty *)(o))

static int property_clear(OuroObject *o)
{
    OuProperty *p = PROP(o);
    OURO_CLEAR(p->fget);
    OURO_CLEAR(p->fset);
    OURO_CLEAR(p->fdel);
    OURO_CLEAR(p->doc);
    OURO_CLEAR(p->name);
    return 0;
}

static void property_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    property_clear(o);
    ouro_object_free(o);
}

static int property_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuProperty *p = PROP(o);
    OuroObject *refs[] = { p->fget, p->fset, p->fdel, p->doc, p->name };
    for (size_t i = 0; i < OU_ARRAY_LEN(refs); i++) {
        int r;
        if (refs[i] && (r = visit(refs[i], arg)))
            return r;
    }
    return 0;
}

static OuroObject *none_to_null(OuroObject *o) { return o == OURO_NONE ? NULL : o; }

static int property_init(OuroObject *self, OuroObject *args, OuroObject *kwargs)
{
    static const char *const names[] = { "fget", "fset", "fdel", "doc" };
    OuroObject *a[4];
    if (parse_args("property", args, kwargs, names, 4, a) < 0)
        return -1;
    OuProperty *p = PROP(self);
    OuroObject *vals[4] = { none_to_null(a[0]), none_to_null(a[1]), none_to_null(a[2]),
                            none_to_null(a[3]) };
    OURO_SETREF(p->fget, vals[0] ? OURO_NEWREF(vals[0]) : NULL);
    OURO_SETREF(p->fset, vals[1] ? OURO_NEWREF(vals[1]) : NULL);
    OURO_SETREF(p->fdel, vals[2] ? OURO_NEWREF(vals[2]) : NULL);
    OURO_SETREF(p->doc, vals[3] ? OURO_NEWREF(vals[3]) : NULL);
    p->getter_doc = 0;
    if (!p->doc && p->fget) {
        OuroObject *d = ouro_object_getattr_str(p->fget, "__doc__");
        if (!d) {
            if (!ouro_err_matches(&ouro_exc_AttributeError))
                return -1;
            ouro_err_clear();
        } else if (d == OURO_NONE) {
            OURO_DECREF(d);
        } else {
            p->doc = d;
            p->getter_doc = 1;
        }
    }
    return 0;
}

/* "property 'x' of 'C' object has no setter" (no name known: "property of 'C' ..."). */
static void property_error(OuProperty *p, OuroObject *obj, const char *what)
{
    if (p->name && ouro_str_check(p->name))
        ouro_err_format(&ouro_exc_AttributeError, "property '%U' of '%s' object has no %s",
                        p->name, OURO_TYPE_NAME(obj), what);
    else
        ouro_err_format(&ouro_exc_AttributeError, "property of '%s' object has no %s",
                        OURO_TYPE_NAME(obj), what);
}

static OuroObject *property_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    OuProperty *p = PROP(self);
    if (!obj)
        return OURO_NEWREF(self);
    if (!p->fget) {
        property_error(p, obj, "getter");
        return NULL;
    }
    return ouro_object_vectorcall(p->fget, &obj, 1, NULL);
}

static int property_descr_set(OuroObject *self, OuroObject *obj, OuroObject *value)
{
    OuProperty *p = PROP(self);
    OuroObject *f = value ? p->fset : p->fdel, *r;
    if (!f) {
        property_error(p, obj, value ? "setter" : "deleter");
        return -1;
    }
    if (value) {
        OuroObject *args[2] = { obj, value };
        r = ouro_object_vectorcall(f, args, 2, NULL);
    } else {
        r = ouro_object_vectorcall(f, &obj, 1, NULL);
    }
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

/* A copy of the property with one function replaced (getter/setter/deleter), made by
 * calling type(self) so that subclasses of property stay subclasses. */
static OuroObject *property_copy(OuroObject *self, OuroObject *get, OuroObject *set,
                                 OuroObject *del)
{
    OuProperty *p = PROP(self);
    OuroObject *doc = (p->getter_doc && get != OURO_NONE) || !p->doc ? OURO_NONE : p->doc;
    OuroObject *args[4] = { get ? get : (p->fget ? p->fget : OURO_NONE),
                            set ? set : (p->fset ? p->fset : OURO_NONE),
                            del ? del : (p->fdel ? p->fdel : OURO_NONE), doc };
    OuroObject *r = ouro_object_vectorcall((OuroObject *)OURO_TYPE(self), args, 4, NULL);
    if (r && ouro_object_type_check(r, &ou_property_type) && p->name)
        OURO_SETREF(PROP(r)->name, OURO_NEWREF(p->name));
    return r;
}

static OuroObject *property_getter(OuroObject *self, OuroObject *f) { return property_copy(self, f, NULL, NULL); }
static OuroObject *property_setter(OuroObject *self, OuroObject *f) { return property_copy(self, NULL, f, NULL); }
static OuroObject *property_deleter(OuroObject *self, OuroObject *f) { return property_copy(self, NULL, NULL, f); }

static OuroObject *property_set_name(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (nargs != 2)
        return ouro_err_format(&ouro_exc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given",
                               nargs);
    OURO_SETREF(PROP(self)->name, OURO_NEWREF(args[1]));
    OURO_RETURN_NONE;
}

static const OuroMethodDef property_methods[] = {
    { "getter", OURO_METH(property_getter), OURO_METH_O, "Descriptor to obtain a copy of the property with a different getter." },
    { "setter", OURO_METH(property_setter), OURO_METH_O, "Descriptor to obtain a copy of the property with a different setter." },
    { "deleter", OURO_METH(property_deleter), OURO_METH_O, "Descriptor to obtain a copy of the property with a different deleter." },
    { "__set_name__", OURO_METH(property_set_name), OURO_METH_FASTCALL, "Method to set name of a property." },
    { NULL, NULL, 0, NULL },
};

static const OuroMemberDef property_members[] = {
    { "fget", OURO_MEMBER_OBJECT, offsetof(OuProperty, fget), OURO_MEMBER_READONLY, NULL },
    { "fset", OURO_MEMBER_OBJECT, offsetof(OuProperty, fset), OURO_MEMBER_READONLY, NULL },
    { "fdel", OURO_MEMBER_OBJECT, offsetof(OuProperty, fdel), OURO_MEMBER_READONLY, NULL },
    { "__doc__", OURO_MEMBER_OBJECT, offsetof(OuProperty, doc), 0, NULL },
    { NULL, 0, 0, 0, NULL },
};

OuroType ou_property_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "property",
    .tp_basicsize = sizeof(OuProperty),
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE,
    .tp_dealloc = property_dealloc,
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_descr_get = property_descr_get,
    .tp_descr_set = property_descr_set,
    .tp_init = property_init,
    .tp_new = ou_object_new,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_doc = "Property attribute.",
};

/* ------------------------------------------------- staticmethod, classmethod -- */

typedef struct OuFuncWrap {
    OuroObject ob_base;
    OuroObject *callable;  /* owned */
} OuFuncWrap;

#define FW(o) ((OuFuncWrap *)(o))

static int fw_clear(OuroObject *o)
{
    OURO_CLEAR(FW(o)->callable);
    return 0;
}

static void fw_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    fw_clear(o);
    ouro_object_free(o);
}

static int fw_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    return FW(o)->callable ? visit(FW(o)->callable, arg) : 0;
}

static int fw_init(OuroObject *self, OuroObject *args, OuroObject *kwargs)
{
    const char *name = ouro_object_type_check(self, &ou_staticmethod_type) ? "staticmethod"
                                                                            : "classmethod";
    if (kwargs && ouro_dict_size(kwargs)) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (OURO_TUPLE_SIZE(args) != 1) {
        ouro_err_format(&ouro_exc_TypeError, "%s expected 1 argument, got %zd", name,
                        OURO_TUPLE_SIZE(args));
        return -1;
    }
    OURO_SETREF(FW(self)->callable, OURO_NEWREF(OURO_TUPLE_GET(args, 0)));
    return 0;
}

static OuroObject *fw_new_with(OuroType *t, OuroObject *callable)
{
    OuroObject *o = ouro_object_alloc(t);
    if (!o)
        return NULL;
    FW(o)->callable = OURO_NEWREF(callable);
    ouro_gc_track(o);
    return o;
}

OuroObject *ou_staticmethod_new(OuroObject *callable) { return fw_new_with(&ou_staticmethod_type, callable); }
OuroObject *ou_classmethod_new(OuroObject *callable) { return fw_new_with(&ou_classmethod_type, callable); }

static OuroObject *fw_repr(OuroObject *o)
{
    return ouro_str_from_format("<%s(%R)>", OURO_TYPE_NAME(o),
                                FW(o)->callable ? FW(o)->callable : OURO_NONE);
}

static OuroObject *sm_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    if (!FW(self)->callable)
        return ouro_err_format(&ouro_exc_RuntimeError, "uninitialized staticmethod object");
    return OURO_NEWREF(FW(self)->callable);
}

static OuroObject *sm_vectorcall(OuroObject *self, OuroObject *const *args, size_t nargs,
                                 OuroObject *kwnames)
{
    if (!FW(self)->callable)
        return ouro_err_format(&ouro_exc_RuntimeError, "uninitialized staticmethod object");
    return ouro_object_vectorcall(FW(self)->callable, args, nargs, kwnames);
}

static OuroObject *cm_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    if (!FW(self)->callable)
        return ouro_err_format(&ouro_exc_RuntimeError, "uninitialized classmethod object");
    if (!type || type == OURO_NONE)
        type = (OuroObject *)OURO_TYPE(obj);
    return ou_method_new(FW(self)->callable, type);
}

/* __isabstractmethod__-free attribute set: __func__ (and __wrapped__, as 3.10+). */
static const OuroMemberDef fw_members[] = {
    { "__func__", OURO_MEMBER_OBJECT, offsetof(OuFuncWrap, callable), OURO_MEMBER_READONLY, NULL },
    { "__wrapped__", OURO_MEMBER_OBJECT, offsetof(OuFuncWrap, callable), OURO_MEMBER_READONLY, NULL },
    { NULL, 0, 0, 0, NULL },
};

#define FW_TYPE_COMMON(name) \
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE), \
    .tp_name = name, \
    .tp_basicsize = sizeof(OuFuncWrap), \
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE, \
    .tp_dealloc = fw_dealloc, \
    .tp_traverse = fw_traverse, \
    .tp_clear = fw_clear, \
    .tp_repr = fw_repr, \
    .tp_init = fw_init, \
    .tp_new = ou_object_new, \
    .tp_members = fw_members

OuroType ou_staticmethod_type = {
    FW_TYPE_COMMON("staticmethod"),
    .tp_descr_get = sm_descr_get,
    .tp_call = ou_call_via_vectorcall,
    .tp_vectorcall = sm_vectorcall,
    .tp_doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.",
};

OuroType ou_classmethod_type = {
    FW_TYPE_COMMON("classmethod"),
    .tp_descr_get = cm_descr_get,
    .tp_doc = "classmethod(function) -> method\n\nConvert a function to be a class method.",
};
