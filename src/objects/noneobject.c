/* src/objects/noneobject.c — the singletons None, NotImplemented and Ellipsis: static,
 * immortal objects of their own types. */
#include "objects.h"

static OuroObject *none_repr(OuroObject *o) { return ouro_str_intern_cstr("None"); }
static int none_bool(OuroObject *o) { return 0; }
static void singleton_dealloc(OuroObject *o)
{
    /* Immortal: a count never reaches zero, so this means a refcounting bug. */
    ou_fatal("deallocating the singleton %s", OURO_TYPE_NAME(o));
}

static OuroObject *singleton_new(OuroType *t, OuroObject *args, OuroObject *kwargs)
{
    if ((args && OURO_TUPLE_SIZE(args)) || (kwargs && ouro_dict_size(kwargs)))
        return ouro_err_format(&ouro_exc_TypeError, "%s takes no arguments", t->tp_name);
    if (t == &ouro_none_type)
        return OURO_NONE;
    if (t == &ouro_notimplemented_type)
        return OURO_NOTIMPLEMENTED;
    return OURO_ELLIPSIS;
}

static const OuroNumberMethods none_as_number = { .nb_bool = none_bool };

OURO_API OuroType ouro_none_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(OuroObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_new = singleton_new,
};

static OuroObject *notimplemented_repr(OuroObject *o) { return ouro_str_intern_cstr("NotImplemented"); }

OURO_API OuroType ouro_notimplemented_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(OuroObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = notimplemented_repr,
    .tp_new = singleton_new,
};

static OuroObject *ellipsis_repr(OuroObject *o) { return ouro_str_intern_cstr("Ellipsis"); }

OURO_API OuroType ouro_ellipsis_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(OuroObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = ellipsis_repr,
    .tp_new = singleton_new,
};

OURO_API OuroObject ouro_none_object = OURO_STATIC_HEAD(OU_TID_ouro_none_type);
OURO_API OuroObject ouro_notimplemented_object = OURO_STATIC_HEAD(OU_TID_ouro_notimplemented_type);
OURO_API OuroObject ouro_ellipsis_object = OURO_STATIC_HEAD(OU_TID_ouro_ellipsis_type);
