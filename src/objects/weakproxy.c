/* src/objects/weakproxy.c — weakref.proxy: ProxyType and CallableProxyType, weak
 * references that forward every operation to their referent and raise ReferenceError
 * once it is dead. Same layout and list as ref (weakrefobject.c). */
#include "weakrefobject.h"
#include <stddef.h>

#define WR(o) ((OuWeakRef *)(o))


static bool is_proxy(OuroObject *o)
{
    return OURO_IS_TYPE(o, &ou_weakproxy_type) || OURO_IS_TYPE(o, &ou_weakcallableproxy_type);
}

/* The live referent of proxy p as a new reference, or NULL with ReferenceError. */
static OuroObject *referent(OuroObject *p)
{
    OuroObject *o = WR(p)->wr_object;
    if (!o) {
        ouro_err_set_string(&ouro_exc_ReferenceError,
                            "weakly-referenced object no longer exists");
        return NULL;
    }
    return OURO_NEWREF(o);
}

/* o itself (new reference), or its referent if o is a proxy. NULL with ReferenceError. */
static OuroObject *unwrap(OuroObject *o)
{
    return is_proxy(o) ? referent(o) : OURO_NEWREF(o);
}

/* Binary operators: both operands unwrapped, then the ordinary operator. */
#define BINARY(name, op)                                                          \
    static OuroObject *name(OuroObject *a, OuroObject *b)                         \
    {                                                                             \
        OuroObject *x = unwrap(a), *y = x ? unwrap(b) : NULL, *r = NULL;          \
        if (y)                                                                    \
            r = op(x, y);                                                         \
        OURO_XDECREF(x);                                                          \
        OURO_XDECREF(y);                                                          \
        return r;                                                                 \
    }
#define UNARY(name, op)                                                           \
    static OuroObject *name(OuroObject *a)                                        \
    {                                                                             \
        OuroObject *x = referent(a);                                              \
        if (!x)                                                                   \
            return NULL;                                                          \
        OuroObject *r = op(x);                                                    \
        OURO_DECREF(x);                                                           \
        return r;                                                                 \
    }

BINARY(proxy_add, ouro_number_add)
BINARY(proxy_sub, ouro_number_subtract)
BINARY(proxy_mul, ouro_number_multiply)
BINARY(proxy_mod, ouro_number_remainder)
BINARY(proxy_divmod, ouro_number_divmod)
BINARY(proxy_lshift, ouro_number_lshift)
BINARY(proxy_rshift, ouro_number_rshift)
BINARY(proxy_and, ouro_number_and)
BINARY(proxy_xor, ouro_number_xor)
BINARY(proxy_or, ouro_number_or)
BINARY(proxy_floordiv, ouro_number_floor_divide)
BINARY(proxy_truediv, ouro_number_true_divide)
BINARY(proxy_matmul, ouro_number_matrix_multiply)
BINARY(proxy_getitem, ouro_object_getitem)
BINARY(proxy_getattr_inner, ouro_object_getattr)
UNARY(proxy_neg, ouro_number_negative)
UNARY(proxy_pos, ouro_number_positive)
UNARY(proxy_abs, ouro_number_absolute)
UNARY(proxy_invert, ouro_number_invert)
UNARY(proxy_index, ouro_number_index)
UNARY(proxy_str, ouro_object_str)
UNARY(proxy_iter, ouro_object_get_iter)

static OuroObject *proxy_pow(OuroObject *a, OuroObject *b, OuroObject *c)
{
    OuroObject *x = unwrap(a), *y = x ? unwrap(b) : NULL, *z = y ? unwrap(c) : NULL;
    OuroObject *r = z ? ouro_number_power(x, y, z) : NULL;
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    OURO_XDECREF(z);
    return r;
}

/* x op= y on the referents (CPython's proxy in-place slots call PyNumber_InPlace* on the
 * unwrapped operands). Returns: new reference, or NULL. */
static OuroObject *inplace(OuroObject *a, OuroObject *b, ouro_binaryfunc op)
{
    OuroObject *x = unwrap(a), *y = x ? unwrap(b) : NULL;
    OuroObject *r = y ? op(x, y) : NULL;
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    return r;
}

#define INPLACE(name, op) \
    static OuroObject *name(OuroObject *a, OuroObject *b) { return inplace(a, b, op); }
INPLACE(proxy_iadd, ouro_number_inplace_add)
INPLACE(proxy_isub, ouro_number_inplace_subtract)
INPLACE(proxy_imul, ouro_number_inplace_multiply)
INPLACE(proxy_imod, ouro_number_inplace_remainder)
INPLACE(proxy_ilshift, ouro_number_inplace_lshift)
INPLACE(proxy_irshift, ouro_number_inplace_rshift)
INPLACE(proxy_iand, ouro_number_inplace_and)
INPLACE(proxy_ixor, ouro_number_inplace_xor)
INPLACE(proxy_ior, ouro_number_inplace_or)
INPLACE(proxy_ifloordiv, ouro_number_inplace_floor_divide)
INPLACE(proxy_itruediv, ouro_number_inplace_true_divide)
INPLACE(proxy_imatmul, ouro_number_inplace_matrix_multiply)

static OuroObject *proxy_ipow(OuroObject *a, OuroObject *b, OuroObject *c)
{
    return inplace(a, b, ouro_number_inplace_power);
}

static OuroObject *call_dunder(OuroObject *p, const char *name)
{
    OuroObject *x = referent(p);
    if (!x)
        return NULL;
    OuroObject *m = ouro_object_getattr_str(x, name);
    OURO_DECREF(x);
    if (!m)
        return NULL;
    OuroObject *r = ouro_object_vectorcall(m, NULL, 0, NULL);
    OURO_DECREF(m);
    return r;
}

static OuroObject *proxy_int(OuroObject *p) { return call_dunder(p, "__int__"); }
static OuroObject *proxy_float(OuroObject *p) { return call_dunder(p, "__float__"); }

static int proxy_bool(OuroObject *p)
{
    OuroObject *x = referent(p);
    if (!x)
        return -1;
    int r = ouro_object_is_true(x);
    OURO_DECREF(x);
    return r;
}

static ouro_ssize proxy_length(OuroObject *p)
{
    OuroObject *x = referent(p);
    if (!x)
        return -1;
    ouro_ssize r = ouro_object_length(x);
    OURO_DECREF(x);
    return r;
}

static int proxy_contains(OuroObject *p, OuroObject *v)
{
    OuroObject *x = referent(p);
    if (!x)
        return -1;
    int r = ouro_sequence_contains(x, v);
    OURO_DECREF(x);
    return r;
}

static int proxy_setitem(OuroObject *p, OuroObject *k, OuroObject *v)
{
    OuroObject *x = referent(p);
    if (!x)
        return -1;
    int r = v ? ouro_object_setitem(x, k, v) : ouro_object_delitem(x, k);
    OURO_DECREF(x);
    return r;
}

static OuroObject *proxy_getattro(OuroObject *p, OuroObject *name)
{
    return proxy_getattr_inner(p, name);
}

static int proxy_setattro(OuroObject *p, OuroObject *name, OuroObject *v)
{
    OuroObject *x = referent(p);
    if (!x)
        return -1;
    int r = ouro_object_setattr(x, name, v); /* v NULL: delete */
    OURO_DECREF(x);
    return r;
}

static OuroObject *proxy_richcompare(OuroObject *a, OuroObject *b, int op)
{
    OuroObject *x = unwrap(a), *y = x ? unwrap(b) : NULL, *r = NULL;
    if (y)
        r = ouro_object_richcompare(x, y, op);
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    return r;
}

static OuroObject *proxy_iternext(OuroObject *p)
{
    OuroObject *x = referent(p);
    if (!x)
        return NULL;
    OuroObject *r = NULL;
    if (!OURO_TYPE(x)->tp_iternext)
        ouro_err_format(&ouro_exc_TypeError,
                        "Weakref proxy referenced a non-iterator '%s' object",
                        OURO_TYPE_NAME(x));
    else
        r = OURO_TYPE(x)->tp_iternext(x);
    OURO_DECREF(x);
    return r;
}

static OuroObject *proxy_call(OuroObject *p, OuroObject *args, OuroObject *kwargs)
{
    OuroObject *x = referent(p);
    if (!x)
        return NULL;
    OuroObject *r = ouro_object_call(x, args, kwargs);
    OURO_DECREF(x);
    return r;
}

static OuroObject *proxy_vectorcall(OuroObject *p, OuroObject *const *args, size_t nargs,
                                    OuroObject *kwnames)
{
    OuroObject *x = referent(p);
    if (!x)
        return NULL;
    OuroObject *r = ouro_object_vectorcall(x, args, nargs, kwnames);
    OURO_DECREF(x);
    return r;
}

/* Proxies are unhashable, with the type's full dotted name in the message. */
static ouro_hash proxy_hash(OuroObject *p)
{
    ouro_err_format(&ouro_exc_TypeError, "unhashable type: '%s'", OURO_TYPE(p)->tp_name);
    return -1;
}

static OuroObject *proxy_repr(OuroObject *p)
{
    OuroObject *x = WR(p)->wr_object;
    if (!x)
        x = OURO_NONE; /* CPython prints the dead proxy's None referent */
    return ouro_str_from_format("<weakproxy at %p to %s at %p>", (void *)p,
                                OURO_TYPE_NAME(x), (void *)x);
}

static OuroObject *proxy_bytes(OuroObject *p, OuroObject *unused)
{
    return call_dunder(p, "__bytes__");
}

static OuroObject *proxy_reversed(OuroObject *p, OuroObject *unused)
{
    return call_dunder(p, "__reversed__");
}

static const OuroMethodDef proxy_methods[] = {
    {"__bytes__", OURO_METH(proxy_bytes), OURO_METH_NOARGS, NULL},
    {"__reversed__", OURO_METH(proxy_reversed), OURO_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const OuroNumberMethods proxy_as_number = {
    .nb_add = proxy_add, .nb_subtract = proxy_sub, .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod, .nb_divmod = proxy_divmod, .nb_power = proxy_pow,
    .nb_negative = proxy_neg, .nb_positive = proxy_pos, .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool, .nb_invert = proxy_invert, .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift, .nb_and = proxy_and, .nb_xor = proxy_xor, .nb_or = proxy_or,
    .nb_int = proxy_int, .nb_float = proxy_float, .nb_floor_divide = proxy_floordiv,
    .nb_true_divide = proxy_truediv, .nb_index = proxy_index,
    .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_add = proxy_iadd, .nb_inplace_power = proxy_ipow, .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul, .nb_inplace_remainder = proxy_imod,
    .nb_inplace_lshift = proxy_ilshift, .nb_inplace_rshift = proxy_irshift,
    .nb_inplace_and = proxy_iand, .nb_inplace_xor = proxy_ixor, .nb_inplace_or = proxy_ior,
    .nb_inplace_floor_divide = proxy_ifloordiv, .nb_inplace_true_divide = proxy_itruediv,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};

static const OuroSequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static const OuroMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

#define PROXY_TYPE_COMMON                                 \
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),           \
    .tp_flags = OURO_TPFLAG_GC,                           \
    .tp_basicsize = sizeof(OuWeakRef),                    \
    .tp_dealloc = ou_weakref_dealloc_common,              \
    .tp_traverse = ou_weakref_traverse_common,            \
    .tp_clear = ou_weakref_clear_common,                  \
    .tp_repr = proxy_repr,                                \
    .tp_str = proxy_str,                                  \
    .tp_hash = proxy_hash,                                \
    .tp_richcompare = proxy_richcompare,                  \
    .tp_getattro = proxy_getattro,                        \
    .tp_setattro = proxy_setattro,                        \
    .tp_iter = proxy_iter,                                \
    .tp_iternext = proxy_iternext,                        \
    .tp_as_number = &proxy_as_number,                     \
    .tp_as_sequence = &proxy_as_sequence,                 \
    .tp_as_mapping = &proxy_as_mapping,                   \
    .tp_methods = proxy_methods

OuroType ou_weakproxy_type = {
    PROXY_TYPE_COMMON,
    .tp_name = "weakref.ProxyType",
};

OuroType ou_weakcallableproxy_type = {
    PROXY_TYPE_COMMON,
    .tp_name = "weakref.CallableProxyType",
    .tp_call = proxy_call,
    .tp_vectorcall = proxy_vectorcall,
};
