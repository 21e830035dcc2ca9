/* src/objects/typeobject.c — `type` and `object`: readying types (ids, inherited slots),
 * subtype tests, and the default behaviour every object inherits from `object`. The rest
 * of the type machinery: typeimpl.h; narrative: docs/internals/language.md, "Type
 * machinery". */
#include "typeimpl.h"
#include <stdio.h>

/* Copies each NULL slot of t from its base: the C-level inheritance of CPython's
 * inherit_slots, minus what needs the language layer. */
static void inherit_slots(OuroType *t, const OuroType *b)
{
#define INHERIT(slot) if (!t->slot) t->slot = b->slot
    INHERIT(tp_repr);
    INHERIT(tp_str);
    INHERIT(tp_getattro);
    INHERIT(tp_setattro);
    INHERIT(tp_call);
    INHERIT(tp_vectorcall);
    INHERIT(tp_iter);
    INHERIT(tp_iternext);
    INHERIT(tp_descr_get);
    INHERIT(tp_descr_set);
    INHERIT(tp_init);
    /* A static type right under object without its own tp_new cannot be instantiated
     * (list_iterator(): "cannot create 'list_iterator' instances"), as in CPython. */
    if (!(b == &ouro_object_type && !(t->tp_flags & OURO_TPFLAG_HEAPTYPE)))
        INHERIT(tp_new);
    INHERIT(tp_finalize);
    INHERIT(tp_as_number);
    INHERIT(tp_as_sequence);
    INHERIT(tp_as_mapping);
    INHERIT(tp_dealloc);
    INHERIT(tp_dictoffset);
    INHERIT(tp_weaklistoffset);
    /* Equality and hashing go together: a type that defines one keeps its own pair. */
    if (!t->tp_richcompare && !t->tp_hash) {
        t->tp_richcompare = b->tp_richcompare;
        t->tp_hash = b->tp_hash;
    }
    if ((b->tp_flags & OURO_TPFLAG_GC) && !(t->tp_flags & OURO_TPFLAG_GC) &&
        !t->tp_traverse && !t->tp_clear) {
        t->tp_flags |= OURO_TPFLAG_GC;
        t->tp_traverse = b->tp_traverse;
        t->tp_clear = b->tp_clear;
    } else if ((b->tp_flags & OURO_TPFLAG_GC) && (t->tp_flags & OURO_TPFLAG_GC) &&
               !t->tp_traverse && !t->tp_clear) {
        /* Issue 5: a GC type declared without its own traverse/clear (the static
         * exception types) uses its base's: the collector must see its references. */
        t->tp_traverse = b->tp_traverse;
        t->tp_clear = b->tp_clear;
    }
    if (t->tp_basicsize == 0)
        t->tp_basicsize = b->tp_basicsize;
    if (t->tp_itemsize == 0)
        t->tp_itemsize = b->tp_itemsize;
#undef INHERIT
    t->tp_flags |= b->tp_flags & (OURO_TPFLAG_INT_SUBCLASS | OURO_TPFLAG_LIST_SUBCLASS |
                                  OURO_TPFLAG_TUPLE_SUBCLASS | OURO_TPFLAG_BYTES_SUBCLASS |
                                  OURO_TPFLAG_STR_SUBCLASS | OURO_TPFLAG_DICT_SUBCLASS |
                                  OURO_TPFLAG_BASE_EXC_SUBCLASS | OURO_TPFLAG_TYPE_SUBCLASS);
}

OURO_API int ouro_type_ready(OuroType *t)
{
    if (t->tp_flags & OURO_TPFLAG_READY)
        return 0;
    if (t != &ouro_object_type && !t->tp_base)
        t->tp_base = &ouro_object_type;
    if (t->tp_base && !(t->tp_base->tp_flags & OURO_TPFLAG_READY) &&
        ouro_type_ready(t->tp_base) < 0)
        return -1;
    if (!t->tp_id && ou_type_table_add(t, 0) < 0) {
        if (ou_current.tstate)
            ouro_err_set_string(&ouro_exc_SystemError, "too many types");
        return -1;
    }
    if (t->tp_base)
        inherit_slots(t, t->tp_base);
    if (t->tp_finalize)
        t->tp_flags |= OURO_TPFLAG_HAS_FINALIZE;
    t->tp_flags |= OURO_TPFLAG_READY;
    return 0;
}

OURO_API int ouro_type_is_subtype(const OuroType *a, const OuroType *b)
{
    if (a->tp_mro) {
        ouro_ssize n = OURO_TUPLE_SIZE(a->tp_mro);
        for (ouro_ssize i = 0; i < n; i++)
            if (OURO_TUPLE_GET(a->tp_mro, i) == (const OuroObject *)b)
                return 1;
        return 0;
    }
    for (; a; a = a->tp_base)
        if (a == b)
            return 1;
    return b == &ouro_object_type;
}

OURO_API const char *ouro_type_name(const OuroType *t)
{
    /* Static types may carry a dotted module path ("weakref.ReferenceType"): the part
     * after the last dot is the name, as CPython's _PyType_Name. */
    const char *dot = NULL;
    if (!(t->tp_flags & OURO_TPFLAG_HEAPTYPE))
        for (const char *p = t->tp_name; *p; p++)
            if (*p == '.')
                dot = p;
    return dot ? dot + 1 : t->tp_name;
}

/* ----------------------------------------------------------------------- object -- */

/* "<__main__.C object at 0x...>" for classes (module and qualified name), "<object ...>"
 * for static types. */
static OuroObject *object_repr(OuroObject *o)
{
    OuroType *t = OURO_TYPE(o);
    if (!ou_type_is_heap(t))
        return ouro_str_from_format("<%s object at %p>", t->tp_name, (void *)o);
    OuroObject *mod = ouro_dict_get_item_str(t->tp_dict, "__module__");
    OuroObject *qual = OU_HT(t)->ht_qualname;
    if (mod && ouro_str_check(mod) && !ouro_str_equal_cstr(mod, "builtins"))
        return ouro_str_from_format("<%U.%U object at %p>", mod, qual, (void *)o);
    return ouro_str_from_format("<%U object at %p>", qual, (void *)o);
}

/* object.__str__ is repr(self), through the type's own __repr__. */
static OuroObject *object_str(OuroObject *o)
{
    return ouro_object_repr(o);
}

static ouro_hash object_hash(OuroObject *o) { return ouro_hash_pointer(o); }

/* object.__eq__ is identity; __ne__ inverts the type's own __eq__ (CPython's rule). */
static OuroObject *object_richcompare(OuroObject *a, OuroObject *b, int op)
{
    switch (op) {
    case OURO_EQ:
        return OURO_NEWREF(a == b ? OURO_TRUE : OURO_NOTIMPLEMENTED);
    case OURO_NE: {
        ouro_richcmpfunc eq = OURO_TYPE(a)->tp_richcompare;
        if (!eq)
            return OURO_NEWREF(OURO_NOTIMPLEMENTED);
        OuroObject *r = eq(a, b, OURO_EQ);
        if (r && r != OURO_NOTIMPLEMENTED) {
            int t = ouro_object_is_true(r);
            OURO_DECREF(r);
            return t < 0 ? NULL : OURO_NEWREF(t ? OURO_FALSE : OURO_TRUE);
        }
        return r;
    }
    default:
        return OURO_NEWREF(OURO_NOTIMPLEMENTED);
    }
}

static void object_dealloc(OuroObject *o) { ouro_object_free(o); }

OURO_API OuroType ouro_object_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "object",
    .tp_basicsize = sizeof(OuroObject),
    .tp_flags = OURO_TPFLAG_BASETYPE,
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_str = object_str,
    .tp_hash = object_hash,
    .tp_richcompare = object_richcompare,
    .tp_getattro = ouro_object_generic_getattr,
    .tp_setattro = ouro_object_generic_setattr,
    .tp_init = ou_object_init,
    .tp_new = ou_object_new,
    .tp_methods = ou_object_methods,
    .tp_getset = ou_object_getsets,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
};

/* ------------------------------------------------------------------------- type -- */

/* "<class 'int'>", "<class '__main__.C'>" (module and qualified name of classes). */
static OuroObject *type_repr(OuroObject *o)
{
    OuroType *t = (OuroType *)o;
    if (!ou_type_is_heap(t))
        return ouro_str_from_format("<class '%s'>", t->tp_name);
    OuroObject *mod = t->tp_dict ? ouro_dict_get_item_str(t->tp_dict, "__module__") : NULL;
    OuroObject *qual = OU_HT(t)->ht_qualname;
    if (mod && ouro_str_check(mod) && !ouro_str_equal_cstr(mod, "builtins"))
        return ouro_str_from_format("<class '%U.%U'>", mod, qual);
    return ouro_str_from_format("<class '%U'>", qual);
}

/* type.__init__(cls, name, bases, dict, **kw): type.__new__ did the work. */
static int type_init(OuroObject *self, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize n = OURO_TUPLE_SIZE(args);
    if (n != 1 && n != 3) {
        ouro_err_set_string(&ouro_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static ouro_hash type_hash(OuroObject *o) { return ouro_hash_pointer(o); }

static OuroObject *type_richcompare(OuroObject *a, OuroObject *b, int op)
{
    return object_richcompare(a, b, op);
}

/* Types are GC objects, but only classes (heap types) have a GC header and are ever
 * tracked: static types live outside the heap (ou_object_gc_may_be_tracked knows). */
OURO_API OuroType ouro_type_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "type",
    .tp_basicsize = sizeof(OuHeapType),
    .tp_weaklistoffset = offsetof(OuroType, tp_weaklist), /* classes are weakly
                                                             referenceable (issue 6) */
    .tp_flags = OURO_TPFLAG_BASETYPE | OURO_TPFLAG_TYPE_SUBCLASS | OURO_TPFLAG_GC,
    .tp_dealloc = ou_heaptype_dealloc,
    .tp_traverse = ou_heaptype_traverse,
    .tp_clear = ou_heaptype_clear,
    .tp_repr = type_repr,
    .tp_hash = type_hash,
    .tp_richcompare = type_richcompare,
    .tp_getattro = ou_type_getattro,
    .tp_setattro = ou_type_setattro,
    .tp_call = ou_type_call,
    .tp_vectorcall = ou_type_vectorcall,
    .tp_new = ou_type_tp_new,
    .tp_init = type_init,
    .tp_methods = ou_type_methods,
    .tp_getset = ou_type_getsets,
    .tp_dictoffset = offsetof(OuroType, tp_dict),
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
};
