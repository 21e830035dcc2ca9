/* src/objects/superobject.c — super(): attribute lookup that starts after a given class
 * in the MRO of an object's type. The zero-argument form asks the evaluation loop for the
 * __class__ cell and the first argument (ou_eval_super_args, a declared upward call:
 * docs/internals/layers.md). */
#include "typeimpl.h"
#include "lang/lang.h"

typedef struct OuSuper {
    OuroObject ob_base;
    OuroType *type;      /* the class after which the lookup starts (owned), or NULL */
    OuroObject *obj;     /* the instance or class bound (owned), or NULL */
    OuroType *obj_type;  /* the type whose MRO is searched (owned), or NULL */
} OuSuper;

#define SUP(o) ((OuSuper *)(o))

static int super_clear(OuroObject *o)
{
    OURO_CLEAR(SUP(o)->type);
    OURO_CLEAR(SUP(o)->obj);
    OURO_CLEAR(SUP(o)->obj_type);
    return 0;
}

static void super_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    super_clear(o);
    ouro_object_free(o);
}

static int super_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuSuper *s = SUP(o);
    OuroObject *refs[] = { (OuroObject *)s->type, s->obj, (OuroObject *)s->obj_type };
    for (size_t i = 0; i < OU_ARRAY_LEN(refs); i++) {
        int r;
        if (refs[i] && (r = visit(refs[i], arg)))
            return r;
    }
    return 0;
}

/* The type whose MRO super(type, obj) searches: obj itself when it is a subclass of type,
 * else type(obj) (or obj.__class__). Borrowed, or NULL with TypeError. */
static OuroType *supercheck(OuroType *type, OuroObject *obj)
{
    if (ouro_object_type_check(obj, &ouro_type_type) && ouro_type_is_subtype((OuroType *)obj, type))
        return (OuroType *)obj;
    if (ouro_type_is_subtype(OURO_TYPE(obj), type))
        return OURO_TYPE(obj);
    ouro_err_set_string(&ouro_exc_TypeError,
                        "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static int super_init(OuroObject *self, OuroObject *args, OuroObject *kwargs)
{
    OuSuper *s = SUP(self);
    ouro_ssize n = OURO_TUPLE_SIZE(args);
    OuroType *type = NULL;
    OuroObject *obj = NULL;
    if (kwargs && ouro_dict_size(kwargs)) {
        ouro_err_set_string(&ouro_exc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    if (n > 2) {
        ouro_err_format(&ouro_exc_TypeError, "super() takes at most 2 arguments (%zd given)", n);
        return -1;
    }
    if (n == 0) {
        if (ou_eval_super_args(&type, &obj) < 0)
            return -1;
    } else {
        OuroObject *t = OURO_TUPLE_GET(args, 0);
        if (!ouro_object_type_check(t, &ouro_type_type)) {
            ouro_err_format(&ouro_exc_TypeError, "super() argument 1 must be a type, not %s",
                            OURO_TYPE_NAME(t));
            return -1;
        }
        type = (OuroType *)t;
        obj = n == 2 ? OURO_TUPLE_GET(args, 1) : NULL;
        if (obj == OURO_NONE)
            obj = NULL;
    }
    OuroType *obj_type = NULL;
    if (obj && !(obj_type = supercheck(type, obj)))
        return -1;
    OURO_SETREF(s->type, (OuroType *)OURO_NEWREF(type));
    OURO_SETREF(s->obj, obj ? OURO_NEWREF(obj) : NULL);
    OURO_SETREF(s->obj_type, obj_type ? (OuroType *)OURO_NEWREF(obj_type) : NULL);
    return 0;
}

/* Looks name up in the MRO of obj_type after type, and binds it to obj. NULL without an
 * exception when not found there. */
static OuroObject *super_lookup(OuSuper *s, OuroObject *name)
{
    OuroObject *mro = ou_type_mro_tuple(s->obj_type), *r = NULL;
    if (!mro)
        return NULL;
    ouro_ssize n = OURO_TUPLE_SIZE(mro), i = 0;
    while (i < n && OURO_TUPLE_GET(mro, i) != (OuroObject *)s->type)
        i++;
    for (i++; i < n && !r; i++) {
        OuroObject *d = ou_type_dict((OuroType *)OURO_TUPLE_GET(mro, i));
        if (!d)
            break;
        OuroObject *res = ouro_dict_get_item_with_error(d, name);
        if (!res) {
            if (ouro_err_occurred())
                break;
            continue;
        }
        ouro_descrgetfunc f = OURO_TYPE(res)->tp_descr_get;
        OURO_INCREF(res);
        r = f ? f(res, s->obj == (OuroObject *)s->obj_type ? NULL : s->obj,
                  (OuroObject *)s->obj_type)
              : OURO_NEWREF(res);
        OURO_DECREF(res);
        if (!r)
            break;
    }
    OURO_DECREF(mro);
    return r;
}

static OuroObject *super_getattro(OuroObject *self, OuroObject *name)
{
    OuSuper *s = SUP(self);
    if (s->obj_type && !(ouro_str_check(name) && ouro_str_equal_cstr(name, "__class__"))) {
        OuroObject *r = super_lookup(s, name);
        if (r || ouro_err_occurred())
            return r;
    }
    return ouro_object_generic_getattr(self, name);
}

static OuroObject *super_repr(OuroObject *o)
{
    OuSuper *s = SUP(o);
    const char *tn = s->type ? ouro_type_name(s->type) : "NULL";
    if (s->obj_type)
        return ouro_str_from_format("<super: <class '%s'>, <%s object>>", tn,
                                    ouro_type_name(s->obj_type));
    return ouro_str_from_format("<super: <class '%s'>, NULL>", tn);
}

/* An unbound super bound through a class attribute: super(C).__get__(obj). */
static OuroObject *super_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    OuSuper *s = SUP(self);
    if (!obj || s->obj)
        return OURO_NEWREF(self);
    OuroObject *args = ouro_tuple_pack(2, (OuroObject *)s->type, obj);
    if (!args)
        return NULL;
    OuroObject *r = ouro_object_call((OuroObject *)OURO_TYPE(self), args, NULL);
    OURO_DECREF(args);
    return r;
}

static const OuroMemberDef super_members[] = {
    { "__thisclass__", OURO_MEMBER_OBJECT, offsetof(OuSuper, type), OURO_MEMBER_READONLY,
      "the class invoking super()" },
    { "__self__", OURO_MEMBER_OBJECT, offsetof(OuSuper, obj), OURO_MEMBER_READONLY,
      "the instance invoking super(); may be None" },
    { "__self_class__", OURO_MEMBER_OBJECT, offsetof(OuSuper, obj_type), OURO_MEMBER_READONLY,
      "the type of the instance invoking super(); may be None" },
    { NULL, 0, 0, 0, NULL },
};

OuroType ou_super_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "super",
    .tp_basicsize = sizeof(OuSuper),
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE,
    .tp_dealloc = super_dealloc,
    .tp_traverse = super_traverse,
    .tp_clear = super_clear,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_new = ou_object_new,
    .tp_members = super_members,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)",
};
