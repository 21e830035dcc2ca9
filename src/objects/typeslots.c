/* src/objects/typeslots.c — dunder methods and C slots, both ways (CPython's slotdefs):
 * a static type's C slots appear in its dict as wrapper descriptors (int.__add__), and a
 * class whose namespace defines a dunder gets a C slot that looks the method up and calls
 * it (slot_nb_add, slot_tp_repr, ...). Narrative: docs/internals/language.md, "Slots". */
#include "typeimpl.h"
#include "lang/lang.h"
#include <string.h>

/* ------------------------------------------------------------ calling dunders -- */

/* The interned str of a dunder name. Slot functions pass string literals, so a small
 * per-runtime table keyed by the literal's address skips hashing the C string. */
#define DUNDER_CACHE 256
typedef struct OuDunderName {
    const char *key;
    OuroObject *str;  /* interned: immortal while the runtime lives */
} OuDunderName;

static OuroObject *intern(const char *s)
{
    OuObjState *st = ou_objstate();
    if (!st->dunder_names) {
        st->dunder_names = ou_mem_alloc(DUNDER_CACHE * sizeof(OuDunderName));
        if (!st->dunder_names)
            return ouro_str_intern_cstr(s);
        memset(st->dunder_names, 0, DUNDER_CACHE * sizeof(OuDunderName));
    }
    uintptr_t h = (uintptr_t)s;
    OuDunderName *e = &st->dunder_names[((h >> 3) ^ (h >> 11)) & (DUNDER_CACHE - 1)];
    if (e->key == s)
        return e->str;
    OuroObject *r = ouro_str_intern_cstr(s);
    if (r) {
        e->key = s;
        e->str = r;
    }
    return r;
}

/* ou_type_lookup by C name: borrowed, or NULL (an exception is set only if interning
 * the name failed). */
static OuroObject *lookup_str(OuroType *t, const char *name)
{
    OuroObject *n = intern(name);
    return n ? ou_type_lookup(t, n) : NULL;
}

/* ou_lookup_bound by C name. */
static OuroObject *lookup_bound_str(OuroObject *o, const char *name, int *found)
{
    OuroObject *n = intern(name);
    *found = 0;
    return n ? ou_lookup_bound(o, n, found) : NULL;
}

void ou_slots_fini(OuObjState *st)
{
    if (st->dunder_names) {
        ou_mem_free(st->dunder_names);
        st->dunder_names = NULL;
    }
}

/* Finds name on type(self) and prepares a call: *unbound = 1 when the result is a plain
 * function to be called with self first (no bound method is made). New reference; NULL
 * without an exception when absent. */
static OuroObject *lookup_maybe_method(OuroObject *self, const char *name, int *unbound)
{
    OuroObject *n = intern(name);
    if (!n)
        return NULL;
    OuroObject *res = ou_type_lookup(OURO_TYPE(self), n);
    if (!res)
        return NULL;
    OuroType *rt = OURO_TYPE(res);
    if (rt->tp_flags & OURO_TPFLAG_METHOD_DESCRIPTOR) {
        *unbound = 1;
        return OURO_NEWREF(res);
    }
    *unbound = 0;
    if (rt->tp_descr_get)
        return rt->tp_descr_get(res, self, (OuroObject *)OURO_TYPE(self));
    return OURO_NEWREF(res);
}

/* Calls self.name(*args); *found = 0 (NULL, no exception) when the type lacks it. */
OuroObject *ou_call_method(OuroObject *self, const char *name, OuroObject *const *args,
                           size_t nargs, int *found)
{
    int unbound = 0;
    OuroObject *f = lookup_maybe_method(self, name, &unbound);
    *found = f != NULL;
    if (!f)
        return NULL;
    OuroObject *r;
    if (unbound) {
        OuroObject *buf[4];
        OU_ASSERT(nargs < 4);
        buf[0] = self;
        for (size_t i = 0; i < nargs; i++)
            buf[i + 1] = args[i];
        r = ouro_object_vectorcall(f, buf, nargs + 1, NULL);
    } else {
        r = ouro_object_vectorcall(f, args, nargs, NULL);
    }
    OURO_DECREF(f);
    return r;
}

OuroObject *ou_lookup_bound(OuroObject *o, OuroObject *name, int *found)
{
    OuroObject *res = ou_type_lookup(OURO_TYPE(o), name);
    *found = res != NULL;
    if (!res)
        return NULL;
    ouro_descrgetfunc f = OURO_TYPE(res)->tp_descr_get;
    return f ? f(res, o, (OuroObject *)OURO_TYPE(o)) : OURO_NEWREF(res);
}

/* A dunder the type must have (object provides it): AttributeError otherwise. */
static OuroObject *call_required(OuroObject *self, const char *name, OuroObject *const *args,
                                 size_t nargs)
{
    int found;
    OuroObject *r = ou_call_method(self, name, args, nargs, &found);
    if (!found && !ouro_err_occurred())
        ouro_err_format(&ouro_exc_AttributeError, "%s", name);
    return r;
}

/* A dunder that may be absent: NotImplemented then. */
static OuroObject *call_maybe(OuroObject *self, const char *name, OuroObject *const *args,
                              size_t nargs)
{
    int found;
    OuroObject *r = ou_call_method(self, name, args, nargs, &found);
    if (!found && !ouro_err_occurred())
        return OURO_NEWREF(OURO_NOTIMPLEMENTED);
    return r;
}

/* --------------------------------------------------------- slot functions: type -- */

static OuroObject *slot_tp_repr(OuroObject *self) { return call_required(self, "__repr__", NULL, 0); }
static OuroObject *slot_tp_str(OuroObject *self) { return call_required(self, "__str__", NULL, 0); }

static ouro_hash slot_tp_hash(OuroObject *self)
{
    OuroObject *r = call_required(self, "__hash__", NULL, 0);
    if (!r)
        return -1;
    if (!ouro_int_check(r)) {
        OURO_DECREF(r);
        ouro_err_set_string(&ouro_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int overflow = 0;
    int64_t h = ouro_int_as_int64_and_overflow(r, &overflow);
    if (overflow)
        h = ouro_object_hash(r); /* too big: hash the int itself, as CPython */
    OURO_DECREF(r);
    return h == -1 ? -2 : h;
}

static const char *const richcmp_names[] = { "__lt__", "__le__", "__eq__", "__ne__", "__gt__",
                                             "__ge__" };

static OuroObject *slot_tp_richcompare(OuroObject *self, OuroObject *other, int op)
{
    return call_maybe(self, richcmp_names[op], &other, 1);
}

static OuroObject *slot_tp_getattr_hook(OuroObject *self, OuroObject *name)
{
    OuroType *t = OURO_TYPE(self);
    OuroObject *ga = lookup_str(t, "__getattribute__");
    OuroObject *r;
    if (!ga && ouro_err_occurred())
        return NULL;
    if (!ga || (OURO_IS_TYPE(ga, &ou_wrapper_descr_type) &&
                ((OuDescr *)ga)->d_wrapped == (void *)ouro_object_generic_getattr)) {
        r = ouro_object_generic_getattr(self, name);
    } else {
        int found;
        r = ou_call_method(self, "__getattribute__", &name, 1, &found);
    }
    if (r || !ouro_err_matches(&ouro_exc_AttributeError))
        return r;
    if (!lookup_str(t, "__getattr__"))
        return NULL;
    ouro_err_clear();
    return call_required(self, "__getattr__", &name, 1);
}

static int slot_tp_setattro(OuroObject *self, OuroObject *name, OuroObject *value)
{
    OuroObject *args[2] = { name, value };
    OuroObject *r = value ? call_required(self, "__setattr__", args, 2)
                          : call_required(self, "__delattr__", args, 1);
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

static OuroObject *slot_tp_iter(OuroObject *self)
{
    OuroObject *f = lookup_str(OURO_TYPE(self), "__iter__");
    if (f == OURO_NONE)
        return ouro_err_format(&ouro_exc_TypeError, "'%s' object is not iterable",
                               OURO_TYPE_NAME(self));
    return call_required(self, "__iter__", NULL, 0);
}

static OuroObject *slot_tp_iternext(OuroObject *self)
{
    OuroObject *r = call_required(self, "__next__", NULL, 0);
    if (!r && ouro_err_matches(&ouro_exc_StopIteration))
        ouro_err_clear(); /* tp_iternext ends with NULL and no exception */
    return r;
}

static OuroObject *slot_tp_call(OuroObject *self, OuroObject *args, OuroObject *kwargs)
{
    int found;
    OuroObject *m = lookup_bound_str(self, "__call__", &found);
    if (!m) {
        if (!ouro_err_occurred())
            ouro_err_format(&ouro_exc_TypeError, "'%s' object is not callable",
                            OURO_TYPE_NAME(self));
        return NULL;
    }
    /* CPython calls instances through tp_call, which counts a recursion level */
    OuroObject *r = NULL;
    if (ou_enter_recursive_call(" while calling a Python object") == 0) {
        r = ouro_object_call(m, args, kwargs);
        ou_leave_recursive_call();
    }
    OURO_DECREF(m);
    return r;
}

static OuroObject *slot_tp_vectorcall(OuroObject *self, OuroObject *const *args, size_t nargs,
                                      OuroObject *kwnames)
{
    int found;
    OuroObject *m = lookup_bound_str(self, "__call__", &found);
    if (!m) {
        if (!ouro_err_occurred())
            ouro_err_format(&ouro_exc_TypeError, "'%s' object is not callable",
                            OURO_TYPE_NAME(self));
        return NULL;
    }
    /* as slot_tp_call: one recursion level, as CPython's tp_call path */
    OuroObject *r = NULL;
    if (ou_enter_recursive_call(" while calling a Python object") == 0) {
        r = ouro_object_vectorcall(m, args, nargs, kwnames);
        ou_leave_recursive_call();
    }
    OURO_DECREF(m);
    return r;
}

static OuroObject *slot_tp_descr_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    OuroObject *args[2] = { obj ? obj : OURO_NONE, type ? type : OURO_NONE };
    return call_required(self, "__get__", args, 2);
}

static int slot_tp_descr_set(OuroObject *self, OuroObject *obj, OuroObject *value)
{
    OuroObject *args[2] = { obj, value };
    OuroObject *r = value ? call_required(self, "__set__", args, 2)
                          : call_required(self, "__delete__", args, 1);
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

int ou_slot_tp_init(OuroObject *self, OuroObject *args, OuroObject *kwargs)
{
    int found;
    OuroObject *m = lookup_bound_str(self, "__init__", &found);
    if (!m)
        return found || ouro_err_occurred() ? -1 : 0;
    OuroObject *r = ouro_object_call(m, args, kwargs);
    OURO_DECREF(m);
    if (!r)
        return -1;
    if (r != OURO_NONE) {
        ouro_err_format(&ouro_exc_TypeError, "__init__() should return None, not '%s'",
                        OURO_TYPE_NAME(r));
        OURO_DECREF(r);
        return -1;
    }
    OURO_DECREF(r);
    return 0;
}

int ou_slot_init_vectorcall(OuroObject *self, OuroObject *const *args, size_t nargs,
                            OuroObject *kwnames)
{
    int unbound = 0;
    OuroObject *f = lookup_maybe_method(self, "__init__", &unbound), *r;
    if (!f)
        return ouro_err_occurred() ? -1 : 0;
    if (unbound) {
        size_t total = nargs + (kwnames ? (size_t)OURO_TUPLE_SIZE(kwnames) : 0);
        OuroObject *small[8], **buf = small;
        if (total + 1 > OU_ARRAY_LEN(small) &&
            !(buf = ou_mem_alloc((total + 1) * sizeof(OuroObject *)))) {
            OURO_DECREF(f);
            ouro_err_no_memory();
            return -1;
        }
        buf[0] = self;
        if (total)
            memcpy(buf + 1, args, total * sizeof(OuroObject *));
        r = ouro_object_vectorcall(f, buf, nargs + 1, kwnames);
        if (buf != small)
            ou_mem_free(buf);
    } else {
        r = ouro_object_vectorcall(f, args, nargs, kwnames);
    }
    OURO_DECREF(f);
    if (!r)
        return -1;
    if (r != OURO_NONE) {
        ouro_err_format(&ouro_exc_TypeError, "__init__() should return None, not '%s'",
                        OURO_TYPE_NAME(r));
        OURO_DECREF(r);
        return -1;
    }
    OURO_DECREF(r);
    return 0;
}

static OuroObject *slot_tp_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    OuroObject *name = intern("__new__");
    OuroObject *f = name ? ouro_object_getattr((OuroObject *)type, name) : NULL;
    if (!f)
        return NULL;
    ouro_ssize n = OURO_TUPLE_SIZE(args);
    OuroObject *all = ouro_tuple_new(n + 1), *r = NULL;
    if (all) {
        OURO_TUPLE_SET(all, 0, OURO_NEWREF(type));
        for (ouro_ssize i = 0; i < n; i++)
            OURO_TUPLE_SET(all, i + 1, OURO_NEWREF(OURO_TUPLE_GET(args, i)));
        r = ouro_object_call(f, all, kwargs);
        OURO_DECREF(all);
    }
    OURO_DECREF(f);
    return r;
}

/* __del__: errors cannot propagate out of a finalizer; they are reported on stderr. */
static void slot_tp_finalize(OuroObject *self)
{
    OuroObject *r = call_required(self, "__del__", NULL, 0);
    if (r) {
        OURO_DECREF(r);
        return;
    }
    /* Issue 5: reported as CPython does, "Exception ignored in: <function C.__del__ ...>"
     * and the traceback (the function is looked up on the class, the error kept aside). */
    OuroObject *exc = ouro_err_fetch();
    OuroObject *del = ouro_object_getattr_str((OuroObject *)OURO_TYPE(self), "__del__");
    if (!del)
        ouro_err_clear();
    ouro_err_restore(exc);
    ouro_err_write_unraisable(del ? del : self);
    OURO_XDECREF(del);
}

/* ---------------------------------------------- slot functions: containers -- */

static ouro_ssize slot_sq_length(OuroObject *self)
{
    OuroObject *r = call_required(self, "__len__", NULL, 0);
    if (!r)
        return -1;
    ouro_ssize n = ouro_number_as_ssize(r, &ouro_exc_OverflowError);
    OURO_DECREF(r);
    if (n < 0 && !ouro_err_occurred()) {
        ouro_err_set_string(&ouro_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static OuroObject *slot_mp_subscript(OuroObject *self, OuroObject *key)
{
    return call_required(self, "__getitem__", &key, 1);
}

static OuroObject *slot_sq_item(OuroObject *self, ouro_ssize i)
{
    OuroObject *k = ouro_int_from_ssize(i);
    if (!k)
        return NULL;
    OuroObject *r = call_required(self, "__getitem__", &k, 1);
    OURO_DECREF(k);
    return r;
}

static int slot_mp_ass_subscript(OuroObject *self, OuroObject *key, OuroObject *value)
{
    OuroObject *args[2] = { key, value };
    OuroObject *r = value ? call_required(self, "__setitem__", args, 2)
                          : call_required(self, "__delitem__", args, 1);
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

static int slot_sq_ass_item(OuroObject *self, ouro_ssize i, OuroObject *value)
{
    OuroObject *k = ouro_int_from_ssize(i);
    if (!k)
        return -1;
    int r = slot_mp_ass_subscript(self, k, value);
    OURO_DECREF(k);
    return r;
}

static int slot_sq_contains(OuroObject *self, OuroObject *value)
{
    OuroObject *f = lookup_str(OURO_TYPE(self), "__contains__");
    if (f == OURO_NONE) {
        ouro_err_format(&ouro_exc_TypeError, "'%s' object is not a container",
                        OURO_TYPE_NAME(self));
        return -1;
    }
    OuroObject *r = call_required(self, "__contains__", &value, 1);
    if (!r)
        return -1;
    int t = ouro_object_is_true(r);
    OURO_DECREF(r);
    return t;
}

/* ------------------------------------------------- slot functions: numbers -- */

static int slot_nb_bool(OuroObject *self)
{
    OuroObject *r = call_required(self, "__bool__", NULL, 0);
    if (!r)
        return -1;
    if (!ouro_bool_check(r)) {
        ouro_err_format(&ouro_exc_TypeError, "__bool__ should return bool, returned %s",
                        OURO_TYPE_NAME(r));
        OURO_DECREF(r);
        return -1;
    }
    int t = r == OURO_TRUE;
    OURO_DECREF(r);
    return t;
}

#define SLOT_UNARY(fn, name) \
    static OuroObject *fn(OuroObject *self) { return call_required(self, name, NULL, 0); }
SLOT_UNARY(slot_nb_negative, "__neg__")
SLOT_UNARY(slot_nb_positive, "__pos__")
SLOT_UNARY(slot_nb_absolute, "__abs__")
SLOT_UNARY(slot_nb_invert, "__invert__")
SLOT_UNARY(slot_nb_int, "__int__")
SLOT_UNARY(slot_nb_float, "__float__")
SLOT_UNARY(slot_nb_index, "__index__")

static void *nb_slot(const OuroType *t, size_t off)
{
    void *f = NULL;
    if (t->tp_as_number)
        memcpy(&f, (const char *)t->tp_as_number + off, sizeof f);
    return f;
}

/* True when type b overrides name differently from a (CPython's method_is_overloaded):
 * then b's reflected method is tried first. */
static int method_is_overloaded(OuroType *a, OuroType *b, const char *name)
{
    return lookup_str(b, name) != lookup_str(a, name);
}

/* CPython's SLOT1BINFULL: self.op(other), or other.rop(self) when other's type also
 * implements this slot in Python — first if it is a subclass that overrides rop. */
static OuroObject *slot_binary(OuroObject *self, OuroObject *other, size_t off, void *me,
                               const char *op, const char *rop)
{
    OuroType *ts = OURO_TYPE(self), *to = OURO_TYPE(other);
    int do_other = ts != to && nb_slot(to, off) == me;
    if (nb_slot(ts, off) == me) {
        if (do_other && ouro_type_is_subtype(to, ts) && method_is_overloaded(ts, to, rop)) {
            OuroObject *r = call_maybe(other, rop, &self, 1);
            if (r != OURO_NOTIMPLEMENTED)
                return r;
            OURO_DECREF(r);
            do_other = 0;
        }
        OuroObject *r = call_maybe(self, op, &other, 1);
        if (r != OURO_NOTIMPLEMENTED || ts == to)
            return r;
        OURO_DECREF(r);
    }
    if (do_other)
        return call_maybe(other, rop, &self, 1);
    return OURO_NEWREF(OURO_NOTIMPLEMENTED);
}

#define SLOT_BINARY(fn, field, op, rop) \
    static OuroObject *fn(OuroObject *a, OuroObject *b) \
    { return slot_binary(a, b, offsetof(OuroNumberMethods, field), (void *)fn, op, rop); }
SLOT_BINARY(slot_nb_add, nb_add, "__add__", "__radd__")
SLOT_BINARY(slot_nb_subtract, nb_subtract, "__sub__", "__rsub__")
SLOT_BINARY(slot_nb_multiply, nb_multiply, "__mul__", "__rmul__")
SLOT_BINARY(slot_nb_remainder, nb_remainder, "__mod__", "__rmod__")
SLOT_BINARY(slot_nb_divmod, nb_divmod, "__divmod__", "__rdivmod__")
SLOT_BINARY(slot_nb_lshift, nb_lshift, "__lshift__", "__rlshift__")
SLOT_BINARY(slot_nb_rshift, nb_rshift, "__rshift__", "__rrshift__")
SLOT_BINARY(slot_nb_and, nb_and, "__and__", "__rand__")
SLOT_BINARY(slot_nb_xor, nb_xor, "__xor__", "__rxor__")
SLOT_BINARY(slot_nb_or, nb_or, "__or__", "__ror__")
SLOT_BINARY(slot_nb_floor_divide, nb_floor_divide, "__floordiv__", "__rfloordiv__")
SLOT_BINARY(slot_nb_true_divide, nb_true_divide, "__truediv__", "__rtruediv__")
SLOT_BINARY(slot_nb_matrix_multiply, nb_matrix_multiply, "__matmul__", "__rmatmul__")

/* pow(a, b[, mod]): the binary rules without a modulus; with one, only a.__pow__. */
static OuroObject *slot_nb_power(OuroObject *a, OuroObject *b, OuroObject *mod)
{
    if (!mod || mod == OURO_NONE)
        return slot_binary(a, b, offsetof(OuroNumberMethods, nb_power), (void *)slot_nb_power,
                           "__pow__", "__rpow__");
    if (nb_slot(OURO_TYPE(a), offsetof(OuroNumberMethods, nb_power)) == (void *)slot_nb_power) {
        OuroObject *args[2] = { b, mod };
        return call_maybe(a, "__pow__", args, 2);
    }
    return OURO_NEWREF(OURO_NOTIMPLEMENTED);
}

#define SLOT_INPLACE(fn, name) \
    static OuroObject *fn(OuroObject *a, OuroObject *b) { return call_maybe(a, name, &b, 1); }
SLOT_INPLACE(slot_nb_inplace_add, "__iadd__")
SLOT_INPLACE(slot_nb_inplace_subtract, "__isub__")
SLOT_INPLACE(slot_nb_inplace_multiply, "__imul__")
SLOT_INPLACE(slot_nb_inplace_remainder, "__imod__")
SLOT_INPLACE(slot_nb_inplace_lshift, "__ilshift__")
SLOT_INPLACE(slot_nb_inplace_rshift, "__irshift__")
SLOT_INPLACE(slot_nb_inplace_and, "__iand__")
SLOT_INPLACE(slot_nb_inplace_xor, "__ixor__")
SLOT_INPLACE(slot_nb_inplace_or, "__ior__")
SLOT_INPLACE(slot_nb_inplace_floor_divide, "__ifloordiv__")
SLOT_INPLACE(slot_nb_inplace_true_divide, "__itruediv__")
SLOT_INPLACE(slot_nb_inplace_matrix_multiply, "__imatmul__")

static OuroObject *slot_nb_inplace_power(OuroObject *a, OuroObject *b, OuroObject *mod)
{
    return call_maybe(a, "__ipow__", &b, 1);
}

/* ------------------------------------------------------------------ wrappers -- */

static int check_args(ouro_ssize nargs, ouro_ssize n)
{
    if (nargs == n)
        return 0;
    ouro_err_format(&ouro_exc_TypeError, "expected %zd argument%s, got %zd", n,
                    n == 1 ? "" : "s", nargs);
    return -1;
}

#define WRAPPER(fn) \
    static OuroObject *fn(OuroObject *self, OuroObject *const *args, ouro_ssize nargs, \
                          OuroObject *kwnames, void *wrapped)

WRAPPER(wrap_unaryfunc)
{
    if (check_args(nargs, 0) < 0)
        return NULL;
    return ((ouro_unaryfunc)wrapped)(self);
}

WRAPPER(wrap_binaryfunc)
{
    if (check_args(nargs, 1) < 0)
        return NULL;
    return ((ouro_binaryfunc)wrapped)(self, args[0]);
}

WRAPPER(wrap_binaryfunc_r)
{
    if (check_args(nargs, 1) < 0)
        return NULL;
    return ((ouro_binaryfunc)wrapped)(args[0], self);
}

WRAPPER(wrap_ternaryfunc)
{
    if (nargs < 1 || nargs > 2)
        return ouro_err_format(&ouro_exc_TypeError, "expected 1 or 2 arguments, got %zd", nargs);
    return ((ouro_ternaryfunc)wrapped)(self, args[0], nargs == 2 ? args[1] : OURO_NONE);
}

WRAPPER(wrap_ternaryfunc_r)
{
    if (nargs < 1 || nargs > 2)
        return ouro_err_format(&ouro_exc_TypeError, "expected 1 or 2 arguments, got %zd", nargs);
    return ((ouro_ternaryfunc)wrapped)(args[0], self, nargs == 2 ? args[1] : OURO_NONE);
}

WRAPPER(wrap_inquirypred)
{
    if (check_args(nargs, 0) < 0)
        return NULL;
    int r = ((ouro_inquiry)wrapped)(self);
    return r < 0 ? NULL : OURO_NEWREF(r ? OURO_TRUE : OURO_FALSE);
}

WRAPPER(wrap_lenfunc)
{
    if (check_args(nargs, 0) < 0)
        return NULL;
    ouro_ssize n = ((ouro_lenfunc)wrapped)(self);
    return n < 0 ? NULL : ouro_int_from_ssize(n);
}

WRAPPER(wrap_hashfunc)
{
    if (check_args(nargs, 0) < 0)
        return NULL;
    ouro_hash h = ((ouro_hashfunc)wrapped)(self);
    return h == -1 ? NULL : ouro_int_from_int64(h);
}

#define WRAP_RICHCMP(fn, op) \
    WRAPPER(fn) \
    { \
        if (check_args(nargs, 1) < 0) \
            return NULL; \
        return ((ouro_richcmpfunc)wrapped)(self, args[0], op); \
    }
WRAP_RICHCMP(wrap_lt, OURO_LT)
WRAP_RICHCMP(wrap_le, OURO_LE)
WRAP_RICHCMP(wrap_eq, OURO_EQ)
WRAP_RICHCMP(wrap_ne, OURO_NE)
WRAP_RICHCMP(wrap_gt, OURO_GT)
WRAP_RICHCMP(wrap_ge, OURO_GE)

WRAPPER(wrap_next)
{
    if (check_args(nargs, 0) < 0)
        return NULL;
    OuroObject *r = ((ouro_unaryfunc)wrapped)(self);
    if (!r && !ouro_err_occurred())
        ouro_err_set_object(&ouro_exc_StopIteration, NULL);
    return r;
}

WRAPPER(wrap_descr_get)
{
    if (nargs < 1 || nargs > 2)
        return ouro_err_format(&ouro_exc_TypeError, "expected 1 or 2 arguments, got %zd", nargs);
    OuroObject *obj = args[0] == OURO_NONE ? NULL : args[0];
    OuroObject *type = nargs == 2 && args[1] != OURO_NONE ? args[1] : NULL;
    if (!obj && !type)
        return ouro_err_format(&ouro_exc_TypeError, "__get__(None, None) is invalid");
    return ((ouro_descrgetfunc)wrapped)(self, obj, type);
}

static OuroObject *none_or_null(int r) { return r < 0 ? NULL : OURO_NEWREF(OURO_NONE); }

WRAPPER(wrap_descr_set)
{
    if (check_args(nargs, 2) < 0)
        return NULL;
    return none_or_null(((ouro_descrsetfunc)wrapped)(self, args[0], args[1]));
}

WRAPPER(wrap_descr_delete)
{
    if (check_args(nargs, 1) < 0)
        return NULL;
    return none_or_null(((ouro_descrsetfunc)wrapped)(self, args[0], NULL));
}

/* object.__setattr__(SomeClass, ...) would write the class dict behind the back of the
 * method cache and the slots: refused, as CPython's hackcheck. 0 or -1. */
static int hackcheck(OuroObject *self, void *wrapped, const char *what)
{
    if (OURO_TYPE(self)->tp_flags & OURO_TPFLAG_TYPE_SUBCLASS &&
        wrapped == (void *)ouro_object_generic_setattr) {
        ouro_err_format(&ouro_exc_TypeError, "can't apply this %s to type object", what);
        return -1;
    }
    return 0;
}

WRAPPER(wrap_setattr)
{
    if (check_args(nargs, 2) < 0 || hackcheck(self, wrapped, "__setattr__") < 0)
        return NULL;
    return none_or_null(((ouro_setattrofunc)wrapped)(self, args[0], args[1]));
}

WRAPPER(wrap_delattr)
{
    if (check_args(nargs, 1) < 0 || hackcheck(self, wrapped, "__delattr__") < 0)
        return NULL;
    return none_or_null(((ouro_setattrofunc)wrapped)(self, args[0], NULL));
}

WRAPPER(wrap_objobjproc)
{
    if (check_args(nargs, 1) < 0)
        return NULL;
    int r = ((ouro_objobjproc)wrapped)(self, args[0]);
    return r < 0 ? NULL : OURO_NEWREF(r ? OURO_TRUE : OURO_FALSE);
}

WRAPPER(wrap_objobjargproc)
{
    if (check_args(nargs, 2) < 0)
        return NULL;
    return none_or_null(((ouro_objobjargproc)wrapped)(self, args[0], args[1]));
}

WRAPPER(wrap_delitem)
{
    if (check_args(nargs, 1) < 0)
        return NULL;
    return none_or_null(((ouro_objobjargproc)wrapped)(self, args[0], NULL));
}

/* An index argument for sq_* slots: negative ones count from the end. -1 on error. */
static int sq_index(OuroObject *self, OuroObject *arg, ouro_ssize *out)
{
    ouro_ssize i = ouro_number_as_ssize(arg, &ouro_exc_OverflowError);
    if (i == -1 && ouro_err_occurred())
        return -1;
    const OuroSequenceMethods *sq = OURO_TYPE(self)->tp_as_sequence;
    if (i < 0 && sq && sq->sq_length) {
        ouro_ssize n = sq->sq_length(self);
        if (n < 0)
            return -1;
        i += n;
    }
    *out = i;
    return 0;
}

WRAPPER(wrap_sq_item)
{
    ouro_ssize i;
    if (check_args(nargs, 1) < 0 || sq_index(self, args[0], &i) < 0)
        return NULL;
    return ((ouro_ssizeargfunc)wrapped)(self, i);
}

WRAPPER(wrap_indexargfunc)
{
    if (check_args(nargs, 1) < 0)
        return NULL;
    ouro_ssize i = ouro_number_as_ssize(args[0], &ouro_exc_OverflowError);
    if (i == -1 && ouro_err_occurred())
        return NULL;
    return ((ouro_ssizeargfunc)wrapped)(self, i);
}

WRAPPER(wrap_sq_setitem)
{
    ouro_ssize i;
    if (check_args(nargs, 2) < 0 || sq_index(self, args[0], &i) < 0)
        return NULL;
    return none_or_null(((ouro_ssizeobjargproc)wrapped)(self, i, args[1]));
}

WRAPPER(wrap_sq_delitem)
{
    ouro_ssize i;
    if (check_args(nargs, 1) < 0 || sq_index(self, args[0], &i) < 0)
        return NULL;
    return none_or_null(((ouro_ssizeobjargproc)wrapped)(self, i, NULL));
}

/* __init__ and __call__ take any arguments: packed into a tuple and a dict. */
static int pack_args(OuroObject *const *args, ouro_ssize nargs, OuroObject *kwnames,
                     OuroObject **tuple, OuroObject **kw)
{
    *kw = NULL;
    if (!(*tuple = ouro_tuple_from_array(args, nargs)))
        return -1;
    if (!kwnames || !OURO_TUPLE_SIZE(kwnames))
        return 0;
    if (!(*kw = ouro_dict_new()))
        return -1;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(kwnames); i++)
        if (ouro_dict_set_item(*kw, OURO_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
            return -1;
    return 0;
}

WRAPPER(wrap_init)
{
    OuroObject *tuple, *kw, *r = NULL;
    if (pack_args(args, nargs, kwnames, &tuple, &kw) == 0)
        r = none_or_null(((ouro_initproc)wrapped)(self, tuple, kw));
    OURO_XDECREF(tuple);
    OURO_XDECREF(kw);
    return r;
}

WRAPPER(wrap_call)
{
    OuroObject *tuple, *kw, *r = NULL;
    if (pack_args(args, nargs, kwnames, &tuple, &kw) == 0)
        r = ((ouro_ternaryfunc)wrapped)(self, tuple, kw);
    OURO_XDECREF(tuple);
    OURO_XDECREF(kw);
    return r;
}

WRAPPER(wrap_del)
{
    if (check_args(nargs, 0) < 0)
        return NULL;
    ((ouro_destructor)wrapped)(self);
    return ouro_err_occurred() ? NULL : OURO_NEWREF(OURO_NONE);
}

/* ------------------------------------------------------------------ the table -- */

#define TP(name, field, fn, wrap, doc) \
    { name, OU_SLOT_TYPE, offsetof(OuroType, field), (void *)(fn), wrap, doc }
#define NB(name, field, fn, wrap, doc) \
    { name, OU_SLOT_NUMBER, offsetof(OuroNumberMethods, field), (void *)(fn), wrap, doc }
#define SQ(name, field, fn, wrap, doc) \
    { name, OU_SLOT_SEQUENCE, offsetof(OuroSequenceMethods, field), (void *)(fn), wrap, doc }
#define MP(name, field, fn, wrap, doc) \
    { name, OU_SLOT_MAPPING, offsetof(OuroMappingMethods, field), (void *)(fn), wrap, doc }
#define BINOP(n, rn, field, fn, sym) \
    NB(n, field, fn, wrap_binaryfunc, "Return self" sym "value."), \
    NB(rn, field, fn, wrap_binaryfunc_r, "Return value" sym "self.")
#define IBINOP(n, field, fn, sym) NB(n, field, fn, wrap_binaryfunc, "Return self" sym "value.")

const OuSlotDef ou_slotdefs[] = {
    TP("__getattribute__", tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc,
       "Return getattr(self, name)."),
    TP("__getattr__", tp_getattro, slot_tp_getattr_hook, NULL, NULL),
    TP("__setattr__", tp_setattro, slot_tp_setattro, wrap_setattr,
       "Implement setattr(self, name, value)."),
    TP("__delattr__", tp_setattro, slot_tp_setattro, wrap_delattr, "Implement delattr(self, name)."),
    TP("__repr__", tp_repr, slot_tp_repr, wrap_unaryfunc, "Return repr(self)."),
    TP("__hash__", tp_hash, slot_tp_hash, wrap_hashfunc, "Return hash(self)."),
    TP("__call__", tp_call, slot_tp_call, wrap_call, "Call self as a function."),
    TP("__call__", tp_vectorcall, slot_tp_vectorcall, NULL, NULL),
    TP("__str__", tp_str, slot_tp_str, wrap_unaryfunc, "Return str(self)."),
    TP("__lt__", tp_richcompare, slot_tp_richcompare, wrap_lt, "Return self<value."),
    TP("__le__", tp_richcompare, slot_tp_richcompare, wrap_le, "Return self<=value."),
    TP("__eq__", tp_richcompare, slot_tp_richcompare, wrap_eq, "Return self==value."),
    TP("__ne__", tp_richcompare, slot_tp_richcompare, wrap_ne, "Return self!=value."),
    TP("__gt__", tp_richcompare, slot_tp_richcompare, wrap_gt, "Return self>value."),
    TP("__ge__", tp_richcompare, slot_tp_richcompare, wrap_ge, "Return self>=value."),
    TP("__iter__", tp_iter, slot_tp_iter, wrap_unaryfunc, "Implement iter(self)."),
    TP("__next__", tp_iternext, slot_tp_iternext, wrap_next, "Implement next(self)."),
    TP("__get__", tp_descr_get, slot_tp_descr_get, wrap_descr_get,
       "Return an attribute of instance, which is of type owner."),
    TP("__set__", tp_descr_set, slot_tp_descr_set, wrap_descr_set,
       "Set an attribute of instance to value."),
    TP("__delete__", tp_descr_set, slot_tp_descr_set, wrap_descr_delete,
       "Delete an attribute of instance."),
    TP("__init__", tp_init, ou_slot_tp_init, wrap_init,
       "Initialize self.  See help(type(self)) for accurate signature."),
    TP("__new__", tp_new, slot_tp_new, NULL, NULL),
    TP("__del__", tp_finalize, slot_tp_finalize, wrap_del, "Called when the instance is about to be destroyed."),

    BINOP("__add__", "__radd__", nb_add, slot_nb_add, "+"),
    BINOP("__sub__", "__rsub__", nb_subtract, slot_nb_subtract, "-"),
    BINOP("__mul__", "__rmul__", nb_multiply, slot_nb_multiply, "*"),
    BINOP("__mod__", "__rmod__", nb_remainder, slot_nb_remainder, "%"),
    BINOP("__divmod__", "__rdivmod__", nb_divmod, slot_nb_divmod, ", divmod"),
    NB("__pow__", nb_power, slot_nb_power, wrap_ternaryfunc, "Return pow(self, value, mod)."),
    NB("__rpow__", nb_power, slot_nb_power, wrap_ternaryfunc_r, "Return pow(value, self, mod)."),
    NB("__neg__", nb_negative, slot_nb_negative, wrap_unaryfunc, "-self"),
    NB("__pos__", nb_positive, slot_nb_positive, wrap_unaryfunc, "+self"),
    NB("__abs__", nb_absolute, slot_nb_absolute, wrap_unaryfunc, "abs(self)"),
    NB("__bool__", nb_bool, slot_nb_bool, wrap_inquirypred, "True if self else False"),
    NB("__invert__", nb_invert, slot_nb_invert, wrap_unaryfunc, "~self"),
    BINOP("__lshift__", "__rlshift__", nb_lshift, slot_nb_lshift, "<<"),
    BINOP("__rshift__", "__rrshift__", nb_rshift, slot_nb_rshift, ">>"),
    BINOP("__and__", "__rand__", nb_and, slot_nb_and, "&"),
    BINOP("__xor__", "__rxor__", nb_xor, slot_nb_xor, "^"),
    BINOP("__or__", "__ror__", nb_or, slot_nb_or, "|"),
    NB("__int__", nb_int, slot_nb_int, wrap_unaryfunc, "int(self)"),
    NB("__float__", nb_float, slot_nb_float, wrap_unaryfunc, "float(self)"),
    IBINOP("__iadd__", nb_inplace_add, slot_nb_inplace_add, "+="),
    IBINOP("__isub__", nb_inplace_subtract, slot_nb_inplace_subtract, "-="),
    IBINOP("__imul__", nb_inplace_multiply, slot_nb_inplace_multiply, "*="),
    IBINOP("__imod__", nb_inplace_remainder, slot_nb_inplace_remainder, "%="),
    NB("__ipow__", nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc, "Return self**=value."),
    IBINOP("__ilshift__", nb_inplace_lshift, slot_nb_inplace_lshift, "<<="),
    IBINOP("__irshift__", nb_inplace_rshift, slot_nb_inplace_rshift, ">>="),
    IBINOP("__iand__", nb_inplace_and, slot_nb_inplace_and, "&="),
    IBINOP("__ixor__", nb_inplace_xor, slot_nb_inplace_xor, "^="),
    IBINOP("__ior__", nb_inplace_or, slot_nb_inplace_or, "|="),
    BINOP("__floordiv__", "__rfloordiv__", nb_floor_divide, slot_nb_floor_divide, "//"),
    BINOP("__truediv__", "__rtruediv__", nb_true_divide, slot_nb_true_divide, "/"),
    IBINOP("__ifloordiv__", nb_inplace_floor_divide, slot_nb_inplace_floor_divide, "//="),
    IBINOP("__itruediv__", nb_inplace_true_divide, slot_nb_inplace_true_divide, "/="),
    NB("__index__", nb_index, slot_nb_index, wrap_unaryfunc,
       "Return self converted to an integer, if self is suitable for use as an index into a list."),
    BINOP("__matmul__", "__rmatmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    IBINOP("__imatmul__", nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, "@="),

    MP("__len__", mp_length, slot_sq_length, wrap_lenfunc, "Return len(self)."),
    MP("__getitem__", mp_subscript, slot_mp_subscript, wrap_binaryfunc, "Return self[key]."),
    MP("__setitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc,
       "Set self[key] to value."),
    MP("__delitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem, "Delete self[key]."),

    SQ("__len__", sq_length, slot_sq_length, wrap_lenfunc, "Return len(self)."),
    /* Heap types get nb_add / nb_multiply for these; the sq_ slot only via a C base. */
    SQ("__add__", sq_concat, NULL, wrap_binaryfunc, "Return self+value."),
    SQ("__mul__", sq_repeat, NULL, wrap_indexargfunc, "Return self*value."),
    SQ("__rmul__", sq_repeat, NULL, wrap_indexargfunc, "Return value*self."),
    SQ("__getitem__", sq_item, slot_sq_item, wrap_sq_item, "Return self[key]."),
    SQ("__setitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_setitem, "Set self[key] to value."),
    SQ("__delitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_delitem, "Delete self[key]."),
    SQ("__contains__", sq_contains, slot_sq_contains, wrap_objobjproc, "Return key in self."),
    SQ("__iadd__", sq_inplace_concat, NULL, wrap_binaryfunc, "Implement self+=value."),
    SQ("__imul__", sq_inplace_repeat, NULL, wrap_indexargfunc, "Implement self*=value."),
    { NULL, 0, 0, NULL, NULL, NULL },
};

/* ------------------------------------------------------------- slot access -- */

static char *slot_table(const OuroType *t, int table)
{
    switch (table) {
    case OU_SLOT_TYPE:
        return (char *)(uintptr_t)t;
    case OU_SLOT_NUMBER:
        return (char *)(uintptr_t)t->tp_as_number;
    case OU_SLOT_SEQUENCE:
        return (char *)(uintptr_t)t->tp_as_sequence;
    default:
        return (char *)(uintptr_t)t->tp_as_mapping;
    }
}

void *ou_slot_get(const OuroType *t, const OuSlotDef *s)
{
    char *base = slot_table(t, s->table);
    void *f = NULL;
    if (base)
        memcpy(&f, base + s->offset, sizeof f);
    return f;
}

/* Only classes are written to: their tables are their own (OuHeapType). */
static void slot_set(OuroType *t, const OuSlotDef *s, void *f)
{
    OU_ASSERT(ou_type_is_heap(t));
    memcpy(slot_table(t, s->table) + s->offset, &f, sizeof f);
}

int ou_slots_add_wrappers(OuroType *t, OuroObject *dict)
{
    for (const OuSlotDef *s = ou_slotdefs; s->name; s++) {
        void *f = ou_slot_get(t, s);
        if (!f || !s->wrapper || ouro_dict_get_item_str(dict, s->name))
            continue;
        if (t->tp_base && ou_slot_get(t->tp_base, s) == f)
            continue; /* inherited: the base's dict shows it */
        OuroObject *v;
        if (s->offset == offsetof(OuroType, tp_hash) && s->table == OU_SLOT_TYPE &&
            f == (void *)ouro_hash_not_implemented)
            v = OURO_NEWREF(OURO_NONE); /* unhashable: __hash__ = None */
        else
            v = ou_descr_new_wrapper(t, s, f);
        if (!v)
            return -1;
        int r = ouro_dict_set_item_str(dict, s->name, v);
        OURO_DECREF(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------- updating class slots -- */

/* The C implementation behind a found dunder, when it is one: a wrapper descriptor of a
 * static type T (then T's own slot), or the builtin T.__new__. NULL: it is Python code
 * (or anything else), which needs the generic slot function. */
static int c_impl(OuroObject *descr, const OuSlotDef *s, void **impl)
{
    if (OURO_IS_TYPE(descr, &ou_wrapper_descr_type)) {
        OuroType *owner = ((OuDescr *)descr)->d_type;
        if (!ou_type_is_heap(owner)) {
            *impl = ou_slot_get(owner, s);
            return 1;
        }
        return 0;
    }
    if (s->table == OU_SLOT_TYPE && s->offset == offsetof(OuroType, tp_new) &&
        OURO_IS_TYPE(descr, &ou_cfunction_type)) {
        OuroObject *self = NULL;
        if (ou_cfunction_is_tp_new(descr, &self)) {
            *impl = (void *)((OuroType *)self)->tp_new;
            return 1;
        }
    }
    return 0;
}

/* Recomputes the slot at s's position for class t from the dunders its MRO defines. */
static int update_one_slot(OuroType *t, const OuSlotDef *first)
{
    void *specific = NULL;
    int generic = 0, any = 0, ambiguous = 0;
    for (const OuSlotDef *s = first; s->name; s++) {
        if (s->table != first->table || s->offset != first->offset)
            continue;
        OuroObject *name = intern(s->name);
        if (!name)
            return -1;
        OuroObject *descr = ou_type_lookup(t, name);
        if (!descr) {
            if (ouro_err_occurred())
                return -1;
            continue;
        }
        any = 1;
        void *impl = NULL;
        if (s->table == OU_SLOT_TYPE && s->offset == offsetof(OuroType, tp_hash) &&
            descr == OURO_NONE) {
            impl = (void *)ouro_hash_not_implemented;
            if (specific && specific != impl)
                ambiguous = 1;
            specific = impl;
        } else if (!strcmp(s->name, "__getattr__")) {
            generic = 1;
        } else if (c_impl(descr, first, &impl)) {
            if (specific && specific != impl)
                ambiguous = 1;
            specific = impl;
        } else {
            generic = 1;
        }
    }
    void *f = NULL;
    if (generic || ambiguous)
        f = first->slot_fn;
    else if (any)
        f = specific;
    slot_set(t, first, f);
    return 0;
}

/* The first slotdef of s's slot position (several dunders may share one slot). */
static const OuSlotDef *first_of_position(const OuSlotDef *s)
{
    const OuSlotDef *p = ou_slotdefs;
    while (p->table != s->table || p->offset != s->offset)
        p++;
    return p;
}

/* Slots of t whose dunder is name (all slots when name is NULL), then the same for the
 * classes that inherit from t. */
int ou_slots_update(OuroType *t, OuroObject *name)
{
    for (const OuSlotDef *s = ou_slotdefs; s->name; s++) {
        if (name && !ouro_str_equal_cstr(name, s->name))
            continue;
        if (update_one_slot(t, first_of_position(s)) < 0)
            return -1;
    }
    if (t->tp_finalize)
        t->tp_flags |= OURO_TPFLAG_HAS_FINALIZE;
    else
        t->tp_flags &= ~(uint32_t)OURO_TPFLAG_HAS_FINALIZE;
    OuroObject *subs = t->tp_subclasses;
    if (!subs)
        return 0;
    ouro_ssize pos = 0;
    OuroObject *k, *v;
    while (ouro_dict_next(subs, &pos, &k, &v)) {
        OuroType *sub = (OuroType *)(uintptr_t)ouro_int_as_uint64(v);
        if (ou_slots_update(sub, name) < 0)
            return -1;
    }
    return 0;
}
