/* src/objects/boolobject.c — bool: the two immortal instances True and False, with the
 * int layout (intobject.h) and int's slots (inherited: & | ^ of two bools give a bool
 * there), a repr of their own and bool(x). */
#include "intobject.h"

static OuroInt bool_false = { OURO_STATIC_HEAD(OU_TID_ouro_bool_type), 0 };
static OuroInt bool_true = { OURO_STATIC_HEAD(OU_TID_ouro_bool_type), 1 };
OURO_API OuroObject *const ouro_false = (OuroObject *)&bool_false;
OURO_API OuroObject *const ouro_true = (OuroObject *)&bool_true;

OURO_API OuroObject *ouro_bool_from_long(long v)
{
    return v ? ouro_true : ouro_false;
}

static OuroObject *bool_repr(OuroObject *o)
{
    return ouro_str_from_cstr(((OuroInt *)o)->ival ? "True" : "False");
}

/* bool(x=False): the truth of x. */
static OuroObject *bool_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    if (kwargs && ouro_dict_size(kwargs))
        return ouro_err_format(&ouro_exc_TypeError, "bool() takes no keyword arguments");
    ouro_ssize nargs = args ? OURO_TUPLE_SIZE(args) : 0;
    if (nargs > 1)
        return ouro_err_format(&ouro_exc_TypeError, "bool expected at most 1 argument, got %lld",
                               (long long)nargs);
    if (nargs == 0)
        return ouro_false;
    int t = ouro_object_is_true(OURO_TUPLE_GET(args, 0));
    return t < 0 ? NULL : ouro_bool_from_long(t);
}

/* bool is not a base type; its instances are the two statics, never freed. */
OURO_API OuroType ouro_bool_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "bool",
    .tp_flags = OURO_TPFLAG_INT_SUBCLASS | OURO_TPFLAG_IMMUTABLE,
    .tp_base = &ouro_int_type,
    .tp_basicsize = sizeof(OuroInt),
    .tp_repr = bool_repr,
    .tp_str = bool_repr,
    .tp_new = bool_new,
    .tp_doc = "bool(x) -> bool",
};
