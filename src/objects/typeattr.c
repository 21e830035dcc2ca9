/* src/objects/typeattr.c — attribute access: the generic protocol of object (data
 * descriptors, the instance __dict__, then non-data descriptors and class attributes),
 * type's own (the metatype first, then the MRO), the attributes of `type` and `object`,
 * the read-only mappingproxy of type.__dict__, and isinstance/issubclass. */
#include "typeimpl.h"
#include "lang/lang.h"
#include "strimpl.h"
#include "intobject.h"
#include "instvalues.h"
#include <string.h>

/* ----------------------------------------------------------- instance __dict__ -- */

/* Items allocated for a variable-size instance (ouro_object_alloc_var's nitems), for
 * the layouts whose subclasses may have a __dict__ after the items; -1 for others. */
static ouro_ssize var_items(OuroObject *o)
{
    if (ouro_tuple_check(o))
        return OURO_TUPLE_SIZE(o);
    if (ouro_str_check(o)) {
        size_t nb = (size_t)ou_str_nbytes(o);
        return (ouro_ssize)(ou_str_is_ascii(o) ? nb + 1 : OU_STR_TAIL(nb) + 8 - OU_STR_HEADER);
    }
    if (ouro_bytes_check(o))
        return ou_bytes_size(o) + 1;
    if (ouro_int_check(o) && !ouro_bool_check(o)) {
        /* A word int has no items; a big one its digits plus the size field (2). */
        if (ou_int_is_word(o))
            return 0;
        int64_t n = ou_int_big(o)->size;
        return (n < 0 ? -n : n) + 2;
    }
    return -1;
}

OuroObject **ou_object_dict_slot(OuroObject *o)
{
    OuroType *t = OURO_TYPE(o);
    ouro_ssize off = t->tp_dictoffset;
    if (off == 0)
        return NULL;
    if (off < 0) {
        /* Variable-size layouts keep the pointer in the last word, after the items. */
        ouro_ssize n = var_items(o);
        if (n < 0)
            return NULL;
        size_t size = (size_t)t->tp_basicsize + (size_t)n * (size_t)t->tp_itemsize;
        size = (size + 7) & ~(size_t)7;
        return (OuroObject **)(void *)((char *)o + size + off);
    }
    return (OuroObject **)(void *)((char *)o + off);
}

/* Callers of this one see a dict or NULL in the word: shared-key values (issue 7,
 * instvalues.h) are turned into a dict first. NULL also on memory failure (exception
 * set). */
OuroObject **ou_object_dict_ptr(OuroObject *o)
{
    OuroObject **p = ou_object_dict_slot(o);
    if (p && ou_values_of(*p) && !ou_values_materialize(o, p))
        return NULL;
    return p;
}

static OuroObject *subtype_get_dict(OuroObject *o, void *c)
{
    OuroObject **p = ou_object_dict_ptr(o);
    if (!p && ouro_err_occurred())
        return NULL;
    if (!p)
        return ouro_err_format(&ouro_exc_AttributeError,
                               "This object has no __dict__");
    if (!*p && !(*p = ouro_dict_new()))
        return NULL;
    return OURO_NEWREF(*p);
}

static int subtype_set_dict(OuroObject *o, OuroObject *value, void *c)
{
    OuroObject **p = ou_object_dict_slot(o);
    if (!p) {
        ouro_err_set_string(&ouro_exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value && !ouro_dict_check(value)) {
        ouro_err_format(&ouro_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                        OURO_TYPE_NAME(value));
        return -1;
    }
    /* The old word may hold shared-key values (issue 7): ou_values_clear drops either
     * kind, after the new dict is in place (a __del__ it runs may look at o). */
    OuroObject *old = *p;
    *p = value ? OURO_NEWREF(value) : NULL;
    ou_values_clear(&old);
    return 0;
}

/* The weakref list head (issue 6 fills it): the first weak reference, or None. */
static OuroObject *subtype_get_weakref(OuroObject *o, void *c)
{
    ouro_ssize off = OURO_TYPE(o)->tp_weaklistoffset;
    OuroObject *w = off > 0 ? *(OuroObject **)(void *)((char *)o + off) : NULL;
    return OURO_NEWREF(w ? w : OURO_NONE);
}

const OuroGetSetDef ou_subtype_getsets[] = {
    { "__dict__", subtype_get_dict, subtype_set_dict, "dictionary for instance variables (if defined)", NULL },
    { "__weakref__", subtype_get_weakref, NULL, "list of weak references to the object (if defined)", NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

/* ------------------------------------------------------------ generic getattr -- */

OuroObject *ou_generic_getattr_ex(OuroObject *o, OuroObject *name, OuroObject *dict,
                                  int suppress)
{
    OuroType *t = OURO_TYPE(o);
    if (!ouro_str_check(name))
        return ouro_err_format(&ouro_exc_TypeError, "attribute name must be string, not '%s'",
                               OURO_TYPE_NAME(name));
    OuroObject *descr = ou_type_lookup(t, name), *r = NULL;
    if (!descr && ouro_err_occurred())
        return NULL;
    ouro_descrgetfunc f = NULL;
    if (descr) {
        OURO_INCREF(descr);
        f = OURO_TYPE(descr)->tp_descr_get;
        if (f && OURO_TYPE(descr)->tp_descr_set) {
            r = f(descr, o, (OuroObject *)t);
            goto done;
        }
    }
    if (!dict) {
        OuroObject **p = ou_object_dict_slot(o);
        dict = p ? *p : NULL;
        OuValues *v = ou_values_of(dict);
        if (v) { /* shared-key values (instvalues.h) */
            dict = NULL;
            if ((r = ou_values_get(t, v, name))) {
                OURO_INCREF(r);
                goto done;
            }
        }
    }
    if (dict) {
        OURO_INCREF(dict);
        r = ouro_dict_get_item_with_error(dict, name);
        OURO_XINCREF(r);
        OURO_DECREF(dict);
        if (r || ouro_err_occurred())
            goto done;
    }
    if (f) {
        r = f(descr, o, (OuroObject *)t);
        goto done;
    }
    if (descr) {
        r = OURO_NEWREF(descr);
        goto done;
    }
    if (!suppress)
        ouro_err_format(&ouro_exc_AttributeError, "'%s' object has no attribute '%U'",
                        ouro_type_name(t), name);
done:
    OURO_XDECREF(descr);
    return r;
}

OURO_API OuroObject *ouro_object_generic_getattr(OuroObject *o, OuroObject *name)
{
    return ou_generic_getattr_ex(o, name, NULL, 0);
}

OURO_API int ouro_object_generic_setattr(OuroObject *o, OuroObject *name, OuroObject *value)
{
    OuroType *t = OURO_TYPE(o);
    if (!ouro_str_check(name)) {
        ouro_err_format(&ouro_exc_TypeError, "attribute name must be string, not '%s'",
                        OURO_TYPE_NAME(name));
        return -1;
    }
    int r = -1;
    OuroObject *descr = ou_type_lookup(t, name);
    if (!descr && ouro_err_occurred())
        return -1;
    OURO_XINCREF(descr);
    if (descr && OURO_TYPE(descr)->tp_descr_set) {
        r = OURO_TYPE(descr)->tp_descr_set(descr, o, value);
        goto done;
    }
    OuroObject **p = ou_object_dict_slot(o);
    if (!p) {
        if (descr)
            ouro_err_format(&ouro_exc_AttributeError, "'%s' object attribute '%U' is read-only",
                            ouro_type_name(t), name);
        else
            ouro_err_format(&ouro_exc_AttributeError, "'%s' object has no attribute '%U'",
                            ouro_type_name(t), name);
        goto done;
    }
    if (ou_type_is_heap(t) && OU_HT(t)->ht_values) {
        /* shared-key values, or the dict they became (instvalues.c) */
        if ((r = ou_values_setattr(o, p, name, value)) == 1) {
            r = -1;
            ouro_err_format(&ouro_exc_AttributeError, "'%s' object has no attribute '%U'",
                            ouro_type_name(t), name);
        }
        goto done;
    }
    if (!*p) {
        if (!value) {
            ouro_err_format(&ouro_exc_AttributeError, "'%s' object has no attribute '%U'",
                            ouro_type_name(t), name);
            goto done;
        }
        if (!(*p = ouro_dict_new()))
            goto done;
    }
    OuroObject *dict = OURO_NEWREF(*p);
    if (value) {
        r = ouro_dict_set_item(dict, name, value);
    } else {
        r = ouro_dict_del_item(dict, name);
        if (r < 0 && ouro_err_matches(&ouro_exc_KeyError)) {
            ouro_err_clear();
            ouro_err_format(&ouro_exc_AttributeError, "'%s' object has no attribute '%U'",
                            ouro_type_name(t), name);
        }
    }
    OURO_DECREF(dict);
done:
    OURO_XDECREF(descr);
    return r;
}

/* ----------------------------------------------------------- type attributes -- */

OuroObject *ou_type_getattro(OuroObject *o, OuroObject *name)
{
    OuroType *type = (OuroType *)o, *meta = OURO_TYPE(o);
    if (!ouro_str_check(name))
        return ouro_err_format(&ouro_exc_TypeError, "attribute name must be string, not '%s'",
                               OURO_TYPE_NAME(name));
    OuroObject *meta_attr = ou_type_lookup(meta, name), *r = NULL;
    if (!meta_attr && ouro_err_occurred())
        return NULL;
    ouro_descrgetfunc meta_get = NULL;
    OURO_XINCREF(meta_attr);
    if (meta_attr) {
        meta_get = OURO_TYPE(meta_attr)->tp_descr_get;
        if (meta_get && OURO_TYPE(meta_attr)->tp_descr_set) {
            r = meta_get(meta_attr, o, (OuroObject *)meta);
            goto done;
        }
    }
    OuroObject *attr = ou_type_lookup(type, name);
    if (attr) {
        OURO_INCREF(attr);
        ouro_descrgetfunc local_get = OURO_TYPE(attr)->tp_descr_get;
        r = local_get ? local_get(attr, NULL, o) : OURO_NEWREF(attr);
        OURO_DECREF(attr);
        goto done;
    }
    if (ouro_err_occurred())
        goto done;
    if (meta_get) {
        r = meta_get(meta_attr, o, (OuroObject *)meta);
        goto done;
    }
    if (meta_attr) {
        r = OURO_NEWREF(meta_attr);
        goto done;
    }
    ouro_err_format(&ouro_exc_AttributeError, "type object '%s' has no attribute '%U'",
                    ouro_type_name(type), name);
done:
    OURO_XDECREF(meta_attr);
    return r;
}

static int is_dunder(OuroObject *name)
{
    const char *s = ouro_str_utf8(name);
    size_t n = (size_t)ouro_str_byte_length(name);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

int ou_type_setattro(OuroObject *o, OuroObject *name, OuroObject *value)
{
    OuroType *type = (OuroType *)o;
    if (!ouro_str_check(name)) {
        ouro_err_format(&ouro_exc_TypeError, "attribute name must be string, not '%s'",
                        OURO_TYPE_NAME(name));
        return -1;
    }
    if (!ou_type_is_heap(type) || (type->tp_flags & OURO_TPFLAG_IMMUTABLE)) {
        ouro_err_format(&ouro_exc_TypeError, "cannot set '%U' attribute of immutable type '%s'",
                        name, ouro_type_name(type));
        return -1;
    }
    /* Interned, so that the method cache and slot updates see the canonical name. */
    OuroObject *n = OURO_NEWREF(name);
    ouro_str_intern_in_place(&n);
    int r = ouro_object_generic_setattr(o, n, value);
    if (r == 0) {
        ou_type_cache_clear();
        OU_HT(type)->ht_version = ou_type_new_version();
        if (is_dunder(n))
            r = ou_slots_update(type, n);
    } else if (!value && ouro_err_matches(&ouro_exc_AttributeError)) {
        ouro_err_clear();
        ouro_err_format(&ouro_exc_AttributeError, "type object '%s' has no attribute '%U'",
                        ouro_type_name(type), n);
    }
    OURO_DECREF(n);
    return r;
}

static OuroObject *type_get_name(OuroObject *o, void *c)
{
    OuroType *t = (OuroType *)o;
    if (ou_type_is_heap(t))
        return OURO_NEWREF(t->tp_name_obj);
    return ouro_str_from_cstr(ouro_type_name(t));
}

static int check_heap_set(OuroType *t, OuroObject *value, const char *attr)
{
    if (!ou_type_is_heap(t)) {
        ouro_err_format(&ouro_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                        attr, ouro_type_name(t));
        return -1;
    }
    if (!value) {
        ouro_err_format(&ouro_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                        attr, ouro_type_name(t));
        return -1;
    }
    return 0;
}

static int type_set_name(OuroObject *o, OuroObject *value, void *c)
{
    OuroType *t = (OuroType *)o;
    if (check_heap_set(t, value, "__name__") < 0)
        return -1;
    if (!ouro_str_check(value)) {
        ouro_err_format(&ouro_exc_TypeError, "can only assign string to %s.__name__, not '%s'",
                        ouro_type_name(t), OURO_TYPE_NAME(value));
        return -1;
    }
    if (strlen(ouro_str_utf8(value)) != (size_t)ouro_str_byte_length(value)) {
        ouro_err_set_string(&ouro_exc_ValueError, "type name must not contain null characters");
        return -1;
    }
    OURO_SETREF(t->tp_name_obj, OURO_NEWREF(value));
    t->tp_name = ouro_str_utf8(value);
    return 0;
}

static OuroObject *type_get_qualname(OuroObject *o, void *c)
{
    OuroType *t = (OuroType *)o;
    if (ou_type_is_heap(t))
        return OURO_NEWREF(OU_HT(t)->ht_qualname);
    return ouro_str_from_cstr(ouro_type_name(t));
}

static int type_set_qualname(OuroObject *o, OuroObject *value, void *c)
{
    OuroType *t = (OuroType *)o;
    if (check_heap_set(t, value, "__qualname__") < 0)
        return -1;
    if (!ouro_str_check(value)) {
        ouro_err_format(&ouro_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                        ouro_type_name(t), OURO_TYPE_NAME(value));
        return -1;
    }
    OURO_SETREF(OU_HT(t)->ht_qualname, OURO_NEWREF(value));
    return 0;
}

static OuroObject *type_get_module(OuroObject *o, void *c)
{
    OuroType *t = (OuroType *)o;
    if (ou_type_is_heap(t)) {
        OuroObject *m = ouro_dict_get_item_str(t->tp_dict, "__module__");
        if (!m)
            return ouro_err_format(&ouro_exc_AttributeError, "__module__");
        return OURO_NEWREF(m);
    }
    const char *dot = strrchr(t->tp_name, '.');
    if (dot)
        return ouro_str_from_utf8(t->tp_name, (size_t)(dot - t->tp_name));
    return ouro_str_from_cstr("builtins");
}

static int type_set_module(OuroObject *o, OuroObject *value, void *c)
{
    OuroType *t = (OuroType *)o;
    if (check_heap_set(t, value, "__module__") < 0)
        return -1;
    ou_type_cache_clear();
    return ouro_dict_set_item_str(t->tp_dict, "__module__", value);
}

static OuroObject *type_get_doc(OuroObject *o, void *c)
{
    OuroType *t = (OuroType *)o;
    if (!ou_type_is_heap(t))
        return t->tp_doc ? ouro_str_from_cstr(t->tp_doc) : OURO_NEWREF(OURO_NONE);
    OuroObject *d = ouro_dict_get_item_str(t->tp_dict, "__doc__");
    if (!d)
        return OURO_NEWREF(OURO_NONE);
    ouro_descrgetfunc f = OURO_TYPE(d)->tp_descr_get;
    return f ? f(d, NULL, o) : OURO_NEWREF(d);
}

static int type_set_doc(OuroObject *o, OuroObject *value, void *c)
{
    OuroType *t = (OuroType *)o;
    if (check_heap_set(t, value, "__doc__") < 0)
        return -1;
    ou_type_cache_clear();
    return ouro_dict_set_item_str(t->tp_dict, "__doc__", value);
}

static OuroObject *type_get_dict(OuroObject *o, void *c)
{
    OuroObject *d = ou_type_dict((OuroType *)o);
    return d ? ou_mappingproxy_new(d) : NULL;
}

static OuroObject *type_get_bases(OuroObject *o, void *c)
{
    OuroType *t = (OuroType *)o;
    if (t->tp_bases)
        return OURO_NEWREF(t->tp_bases);
    if (!t->tp_base)
        return ouro_tuple_new(0);
    return ouro_tuple_pack(1, (OuroObject *)t->tp_base);
}

static OuroObject *type_get_base(OuroObject *o, void *c)
{
    OuroType *t = (OuroType *)o;
    return OURO_NEWREF(t->tp_base ? (OuroObject *)t->tp_base : OURO_NONE);
}

static OuroObject *type_get_mro(OuroObject *o, void *c)
{
    return ou_type_mro_tuple((OuroType *)o);
}

const OuroGetSetDef ou_type_getsets[] = {
    { "__name__", type_get_name, type_set_name, NULL, NULL },
    { "__qualname__", type_get_qualname, type_set_qualname, NULL, NULL },
    { "__bases__", type_get_bases, NULL, NULL, NULL },
    { "__base__", type_get_base, NULL, NULL, NULL },
    { "__mro__", type_get_mro, NULL, NULL, NULL },
    { "__module__", type_get_module, type_set_module, NULL, NULL },
    { "__dict__", type_get_dict, NULL, NULL, NULL },
    { "__doc__", type_get_doc, type_set_doc, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static OuroObject *type_mro_method(OuroObject *self, OuroObject *unused)
{
    OuroObject *mro = ou_type_mro_tuple((OuroType *)self);
    if (!mro)
        return NULL;
    OuroObject *l = ouro_list_new(0);
    for (ouro_ssize i = 0; l && i < OURO_TUPLE_SIZE(mro); i++)
        if (ouro_list_append(l, OURO_TUPLE_GET(mro, i)) < 0)
            OURO_CLEAR(l);
    OURO_DECREF(mro);
    return l;
}

static OuroObject *type_subclasses(OuroObject *self, OuroObject *unused)
{
    OuroType *t = (OuroType *)self;
    OuroObject *l = ouro_list_new(0);
    if (!l || !t->tp_subclasses)
        return l;
    ouro_ssize pos = 0;
    OuroObject *k, *v;
    while (ouro_dict_next(t->tp_subclasses, &pos, &k, &v)) {
        OuroObject *sub = (OuroObject *)(uintptr_t)ouro_int_as_uint64(v);
        if (ouro_list_append(l, sub) < 0) {
            OURO_DECREF(l);
            return NULL;
        }
    }
    return l;
}

static OuroObject *bool_result(int r)
{
    return r < 0 ? NULL : OURO_NEWREF(r ? OURO_TRUE : OURO_FALSE);
}

static int recursive_issubclass(OuroObject *derived, OuroObject *cls);

static OuroObject *type_instancecheck(OuroObject *self, OuroObject *inst)
{
    if (ouro_object_type_check(inst, (OuroType *)self))
        return OURO_NEWREF(OURO_TRUE);
    /* An object whose __class__ says otherwise (proxies) counts too, as CPython. */
    OuroObject *cls = ouro_object_getattr_str(inst, "__class__");
    if (!cls) {
        if (!ouro_err_matches(&ouro_exc_AttributeError))
            return NULL;
        ouro_err_clear();
        return OURO_NEWREF(OURO_FALSE);
    }
    int r = cls != (OuroObject *)OURO_TYPE(inst) && ouro_object_type_check(cls, &ouro_type_type)
                ? ouro_type_is_subtype((OuroType *)cls, (OuroType *)self) : 0;
    OURO_DECREF(cls);
    return bool_result(r);
}

static OuroObject *type_subclasscheck(OuroObject *self, OuroObject *sub)
{
    return bool_result(recursive_issubclass(sub, self));
}

static OuroObject *type_prepare(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    return ouro_dict_new();
}

static OuroObject *type_sizeof(OuroObject *self, OuroObject *unused)
{
    return ouro_int_from_ssize(ou_type_is_heap((OuroType *)self) ? (ouro_ssize)sizeof(OuHeapType)
                                                                 : (ouro_ssize)sizeof(OuroType));
}

static OuroObject *type_dir(OuroObject *self, OuroObject *unused);

const OuroMethodDef ou_type_methods[] = {
    { "__dir__", OURO_METH(type_dir), OURO_METH_NOARGS,
      "Specialized __dir__ implementation for types." },
    { "mro", OURO_METH(type_mro_method), OURO_METH_NOARGS,
      "Return a type's method resolution order." },
    { "__subclasses__", OURO_METH(type_subclasses), OURO_METH_NOARGS,
      "Return a list of immediate subclasses." },
    { "__instancecheck__", OURO_METH(type_instancecheck), OURO_METH_O,
      "Check if an object is an instance." },
    { "__subclasscheck__", OURO_METH(type_subclasscheck), OURO_METH_O,
      "Check if a class is a subclass." },
    { "__prepare__", OURO_METH(type_prepare),
      OURO_METH_FASTCALL | OURO_METH_KEYWORDS | OURO_METH_CLASS,
      "Create the namespace for the class statement" },
    { "__sizeof__", OURO_METH(type_sizeof), OURO_METH_NOARGS,
      "Return memory consumption of the type object." },
    { NULL, NULL, 0, NULL },
};

/* --------------------------------------------------------- object attributes -- */

static OuroObject *object_get_class(OuroObject *o, void *c)
{
    return OURO_NEWREF(OURO_TYPE(o));
}

static int object_set_class(OuroObject *o, OuroObject *value, void *c)
{
    if (!value) {
        ouro_err_set_string(&ouro_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!ouro_object_type_check(value, &ouro_type_type)) {
        ouro_err_format(&ouro_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                        OURO_TYPE_NAME(value));
        return -1;
    }
    OuroType *old = OURO_TYPE(o), *nt = (OuroType *)value;
    if (!ou_type_is_heap(old) || !ou_type_is_heap(nt)) {
        ouro_err_set_string(&ouro_exc_TypeError,
                            "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    /* Same layout: same size, same dict and weakref places, same C base behaviour. */
    if (old->tp_basicsize != nt->tp_basicsize || old->tp_itemsize != nt->tp_itemsize ||
        old->tp_dictoffset != nt->tp_dictoffset || old->tp_dealloc != nt->tp_dealloc ||
        old->tp_weaklistoffset != nt->tp_weaklistoffset || old->tp_flags != nt->tp_flags) {
        ouro_err_format(&ouro_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                        ouro_type_name(nt), ouro_type_name(old));
        return -1;
    }
    /* Shared-key values are indexed by the old class's keys: make them a dict. */
    OuroObject **dp = ou_object_dict_slot(o);
    if (dp && ou_values_of(*dp) && !ou_values_materialize(o, dp))
        return -1;
    OURO_INCREF(nt);
    o->ob_tinfo = (o->ob_tinfo & ~OURO_TID_MASK) | nt->tp_id;
    OURO_DECREF(old);
    return 0;
}

const OuroGetSetDef ou_object_getsets[] = {
    { "__class__", object_get_class, object_set_class, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static OuroObject *object_init_subclass(OuroObject *cls, OuroObject *const *args,
                                        ouro_ssize nargs, OuroObject *kwnames)
{
    if (nargs || (kwnames && OURO_TUPLE_SIZE(kwnames)))
        return ouro_err_format(&ouro_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                               ouro_type_name((OuroType *)cls));
    OURO_RETURN_NONE;
}

static OuroObject *object_format(OuroObject *self, OuroObject *spec)
{
    if (!ouro_str_check(spec))
        return ouro_err_format(&ouro_exc_TypeError, "format() argument 2 must be str, not %s",
                               OURO_TYPE_NAME(spec));
    if (ouro_str_byte_length(spec) > 0)
        return ouro_err_format(&ouro_exc_TypeError, "unsupported format string passed to %s.__format__",
                               OURO_TYPE_NAME(self));
    return ouro_object_str(self);
}

static OuroObject *object_sizeof(OuroObject *self, OuroObject *unused)
{
    OuroType *t = OURO_TYPE(self);
    /* and an instance's shared-key values block (issue 7), which only it uses */
    OuroObject **dp = ou_type_is_heap(t) ? ou_object_dict_slot(self) : NULL;
    size_t extra = dp ? ou_values_sizeof(*dp) : 0;
    return ouro_int_from_ssize(t->tp_basicsize + (ouro_ssize)extra);
}

/* dir(obj): the instance dict's keys and the attributes of the class and its bases. */
static int merge_keys(OuroObject *into, OuroObject *dict)
{
    ouro_ssize pos = 0;
    OuroObject *k;
    while (ouro_dict_next(dict, &pos, &k, NULL))
        if (ouro_dict_set_item(into, k, OURO_NONE) < 0)
            return -1;
    return 0;
}

static int merge_class_keys(OuroObject *into, OuroType *t)
{
    OuroObject *mro = ou_type_mro_tuple(t);
    if (!mro)
        return -1;
    int r = 0;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(mro) && r == 0; i++) {
        OuroObject *d = ou_type_dict((OuroType *)OURO_TUPLE_GET(mro, i));
        r = d ? merge_keys(into, d) : -1;
    }
    OURO_DECREF(mro);
    return r;
}

static OuroObject *object_dir(OuroObject *self, OuroObject *unused)
{
    OuroObject *d = ouro_dict_new(), *r = NULL;
    if (!d)
        return NULL;
    OuroObject **dp = ou_object_dict_ptr(self);
    if (dp && *dp && merge_keys(d, *dp) < 0)
        goto done;
    if (merge_class_keys(d, OURO_TYPE(self)) < 0)
        goto done;
    r = ouro_dict_keys(d);
done:
    OURO_DECREF(d);
    return r;
}

static OuroObject *type_dir(OuroObject *self, OuroObject *unused)
{
    OuroObject *d = ouro_dict_new(), *r = NULL;
    if (!d)
        return NULL;
    if (merge_class_keys(d, (OuroType *)self) == 0)
        r = ouro_dict_keys(d);
    OURO_DECREF(d);
    return r;
}

static OuroObject *object_reduce_stub(OuroObject *self, OuroObject *unused)
{
    return ouro_err_format(&ouro_exc_TypeError, "cannot pickle '%s' object", OURO_TYPE_NAME(self));
}

static OuroObject *object_subclasshook(OuroObject *cls, OuroObject *const *args,
                                       ouro_ssize nargs, OuroObject *kwnames)
{
    return OURO_NEWREF(OURO_NOTIMPLEMENTED);
}

const OuroMethodDef ou_object_methods[] = {
    { "__init_subclass__", OURO_METH(object_init_subclass),
      OURO_METH_FASTCALL | OURO_METH_KEYWORDS | OURO_METH_CLASS,
      "This method is called when a class is subclassed." },
    { "__subclasshook__", OURO_METH(object_subclasshook),
      OURO_METH_FASTCALL | OURO_METH_KEYWORDS | OURO_METH_CLASS, "Abstract classes can override this to customize issubclass()." },
    { "__format__", OURO_METH(object_format), OURO_METH_O, "Default object formatter." },
    { "__sizeof__", OURO_METH(object_sizeof), OURO_METH_NOARGS,
      "Size of object in memory, in bytes." },
    { "__dir__", OURO_METH(object_dir), OURO_METH_NOARGS, "Default dir() implementation." },
    { "__reduce__", OURO_METH(object_reduce_stub), OURO_METH_NOARGS, "Helper for pickle." },
    { NULL, NULL, 0, NULL },
};


/* -------------------------------------------------------- isinstance/issubclass -- */

static int check_class(OuroObject *cls, const char *msg)
{
    if (ouro_object_type_check(cls, &ouro_type_type))
        return 1;
    OuroObject *b = ouro_object_getattr_str(cls, "__bases__");
    if (!b) {
        if (ouro_err_matches(&ouro_exc_AttributeError))
            ouro_err_clear();
        else
            return -1;
    }
    int ok = b && ouro_tuple_check(b);
    OURO_XDECREF(b);
    if (!ok)
        ouro_err_set_string(&ouro_exc_TypeError, msg);
    return ok ? 1 : -1;
}

static int recursive_issubclass(OuroObject *derived, OuroObject *cls)
{
    if (ouro_object_type_check(cls, &ouro_type_type) &&
        ouro_object_type_check(derived, &ouro_type_type))
        return ouro_type_is_subtype((OuroType *)derived, (OuroType *)cls);
    if (check_class(derived, "issubclass() arg 1 must be a class") < 0)
        return -1;
    if (check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union") < 0)
        return -1;
    return derived == cls;
}

/* Calls cls.__instancecheck__(o) / __subclasscheck__ when type(cls) defines one other than
 * type's own; returns -2 when it does not (fall back to the plain check). */
static int call_check_hook(OuroObject *cls, OuroObject *arg, const char *hook)
{
    if (OURO_IS_TYPE(cls, &ouro_type_type))
        return -2;
    int found;
    OuroObject *r = ou_call_method(cls, hook, &arg, 1, &found);
    if (!found)
        return ouro_err_occurred() ? -1 : -2;
    if (!r)
        return -1;
    int t = ouro_object_is_true(r);
    OURO_DECREF(r);
    return t;
}

int ou_object_isinstance(OuroObject *o, OuroObject *cls)
{
    if ((OuroObject *)OURO_TYPE(o) == cls)
        return 1;
    if (OURO_IS_TYPE(cls, &ouro_type_type) &&
        (ouro_type_is_subtype(OURO_TYPE(o), (OuroType *)cls) ||
         OURO_TYPE(o)->tp_getattro == ouro_object_generic_getattr))
        return ouro_type_is_subtype(OURO_TYPE(o), (OuroType *)cls);
    /* (issue 6) Otherwise fall through to type_instancecheck, which asks o.__class__:
     * a weakref proxy is an instance of its referent's class, as in CPython. */
    if (ouro_tuple_check(cls)) {
        if (ou_enter_recursive_call(" in __instancecheck__") < 0)
            return -1;
        int r = 0;
        for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(cls) && r == 0; i++)
            r = ou_object_isinstance(o, OURO_TUPLE_GET(cls, i));
        ou_leave_recursive_call();
        return r;
    }
    int r = call_check_hook(cls, o, "__instancecheck__");
    if (r != -2)
        return r;
    if (!ouro_object_type_check(cls, &ouro_type_type)) {
        if (check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union") < 0)
            return -1;
        return 0;
    }
    OuroObject *res = type_instancecheck(cls, o);
    if (!res)
        return -1;
    r = res == OURO_TRUE;
    OURO_DECREF(res);
    return r;
}

int ou_object_issubclass(OuroObject *derived, OuroObject *cls)
{
    if (OURO_IS_TYPE(cls, &ouro_type_type) && ouro_object_type_check(derived, &ouro_type_type))
        return ouro_type_is_subtype((OuroType *)derived, (OuroType *)cls);
    if (ouro_tuple_check(cls)) {
        if (ou_enter_recursive_call(" in __subclasscheck__") < 0)
            return -1;
        int r = 0;
        for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(cls) && r == 0; i++)
            r = ou_object_issubclass(derived, OURO_TUPLE_GET(cls, i));
        ou_leave_recursive_call();
        return r;
    }
    int r = call_check_hook(cls, derived, "__subclasscheck__");
    if (r != -2)
        return r;
    return recursive_issubclass(derived, cls);
}

/* -------------------------------------------------------------- mappingproxy -- */

typedef struct OuMappingProxy {
    OuroObject ob_base;
    OuroObject *mapping; /* owned */
} OuMappingProxy;

OuroObject *ou_mappingproxy_new(OuroObject *mapping)
{
    OuMappingProxy *p = (OuMappingProxy *)ouro_object_alloc(&ou_mappingproxy_type);
    if (!p)
        return NULL;
    p->mapping = OURO_NEWREF(mapping);
    ouro_gc_track((OuroObject *)p);
    return (OuroObject *)p;
}

#define MP_MAPPING(o) (((OuMappingProxy *)(o))->mapping)

static int mp_clear(OuroObject *o)
{
    OURO_CLEAR(MP_MAPPING(o));
    return 0;
}

static void mp_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    mp_clear(o);
    ouro_object_free(o);
}

static int mp_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    return MP_MAPPING(o) ? visit(MP_MAPPING(o), arg) : 0;
}

static ouro_ssize mp_len(OuroObject *o) { return ouro_object_length(MP_MAPPING(o)); }
static OuroObject *mp_getitem(OuroObject *o, OuroObject *k) { return ouro_object_getitem(MP_MAPPING(o), k); }
static int mp_contains(OuroObject *o, OuroObject *k) { return ouro_sequence_contains(MP_MAPPING(o), k); }
static OuroObject *mp_iter(OuroObject *o) { return ouro_object_get_iter(MP_MAPPING(o)); }
static OuroObject *mp_repr(OuroObject *o) { return ouro_str_from_format("mappingproxy(%R)", MP_MAPPING(o)); }
static OuroObject *mp_str(OuroObject *o) { return ouro_object_str(MP_MAPPING(o)); }

static OuroObject *mp_richcompare(OuroObject *a, OuroObject *b, int op)
{
    return ouro_object_richcompare(MP_MAPPING(a), b, op);
}

static OuroObject *mp_call_method(OuroObject *self, const char *name, OuroObject *const *args,
                                  ouro_ssize nargs)
{
    OuroObject *m = ouro_object_getattr_str(MP_MAPPING(self), name);
    if (!m)
        return NULL;
    OuroObject *r = ouro_object_vectorcall(m, args, (size_t)nargs, NULL);
    OURO_DECREF(m);
    return r;
}

static OuroObject *mp_keys(OuroObject *self, OuroObject *u) { return mp_call_method(self, "keys", NULL, 0); }
static OuroObject *mp_values(OuroObject *self, OuroObject *u) { return mp_call_method(self, "values", NULL, 0); }
static OuroObject *mp_items(OuroObject *self, OuroObject *u) { return mp_call_method(self, "items", NULL, 0); }
static OuroObject *mp_copy(OuroObject *self, OuroObject *u) { return mp_call_method(self, "copy", NULL, 0); }

static OuroObject *mp_get(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_check_nargs("get", (size_t)nargs, 1, 2) < 0)
        return NULL;
    return mp_call_method(self, "get", args, nargs);
}

static const OuroMethodDef mp_methods[] = {
    { "keys", OURO_METH(mp_keys), OURO_METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys" },
    { "values", OURO_METH(mp_values), OURO_METH_NOARGS, "D.values() -> an object providing a view on D's values" },
    { "items", OURO_METH(mp_items), OURO_METH_NOARGS, "D.items() -> a set-like object providing a view on D's items" },
    { "copy", OURO_METH(mp_copy), OURO_METH_NOARGS, "D.copy() -> a shallow copy of D" },
    { "get", OURO_METH(mp_get), OURO_METH_FASTCALL,
      "Return the value for key if key is in the mapping, else default." },
    { NULL, NULL, 0, NULL },
};

static const OuroMappingMethods mp_as_mapping = { .mp_length = mp_len, .mp_subscript = mp_getitem };
static const OuroSequenceMethods mp_as_sequence = { .sq_contains = mp_contains };

OuroType ou_mappingproxy_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(OuMappingProxy),
    .tp_flags = OURO_TPFLAG_GC,
    .tp_dealloc = mp_dealloc,
    .tp_traverse = mp_traverse,
    .tp_clear = mp_clear,
    .tp_repr = mp_repr,
    .tp_str = mp_str,
    .tp_hash = ouro_hash_not_implemented,
    .tp_richcompare = mp_richcompare,
    .tp_iter = mp_iter,
    .tp_getattro = ouro_object_generic_getattr,
    .tp_as_mapping = &mp_as_mapping,
    .tp_as_sequence = &mp_as_sequence,
    .tp_methods = mp_methods,
};
